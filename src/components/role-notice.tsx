import type { ReactNode } from 'react';
import './role-notice.css';

/** A page someone may not use, said plainly: who may, and what this person can do instead. */
export function RoleNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="role-notice" aria-labelledby="role-notice-title">
      <h1 id="role-notice-title">{title}</h1>
      <p>{children}</p>
    </section>
  );
}
