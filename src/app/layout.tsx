import { useEffect, useState, type ComponentType } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAfterFirstPaint } from '../session/use-after-first-paint';
import './layout.css';

const NAV = [
  { to: '/', label: '总览', end: true },
  { to: '/meeting', label: '会议模式', end: false },
  { to: '/source', label: '报告原文', end: false },
  { to: '/wall', label: '大屏', end: false },
] as const;

export function AppLayout() {
  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="app-header">
        <NavLink to="/" className="app-brand" end>
          <span className="app-brand__mark" aria-hidden="true">
            进度
          </span>
          <span className="app-brand__name">二七区年度目标进展</span>
        </NavLink>
        <nav aria-label="主导航">
          <ul className="app-nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="app-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <DeferredSessionStatus />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {/* No Suspense boundary here: no view suspends (routes load through the router, charts have
            their own), and a boundary would make React take the prerendered overview over in a second
            pass after the frame, with its buttons dead in between. */}
        <Outlet />
      </main>
    </div>
  );
}

/**
 * The session status is fetched as code only after the page has painted: it shows nothing before the
 * session is known anyway, and its code (accounts, sign-out) need not weigh on the overview's first
 * load. If its chunk cannot be loaded (offline), reading goes on without it.
 */
function DeferredSessionStatus() {
  const ready = useAfterFirstPaint();
  const [SessionStatus, setSessionStatus] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    // In a task of its own: asking for the chunk adds its <link rel="modulepreload">s to the page, which
    // took some 10 ms inside the effects that run as the overview is taken over.
    const timer = setTimeout(() => {
      import('./session-status').then(
        (module) => {
          if (live) setSessionStatus(() => module.SessionStatus);
        },
        () => undefined,
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready]);
  return SessionStatus ? <SessionStatus /> : null;
}
