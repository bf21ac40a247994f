import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { meetingOrder, slideIndexOf, slidePath } from './slides';

/**
 * Where the meeting is: the agenda order, the slide on screen (the route says which), and a way to
 * another slide, which is a navigation so that the browser's back button pages back too. `rootRef`
 * goes on the element that scrolls in full screen: a slide starts at its top, wherever the previous
 * one was scrolled to.
 */
export function useSlidePaging(domains: readonly DomainEntry[], domainId: string | undefined) {
  const navigate = useNavigate();
  // The meeting's settings (?since=) stay with it from slide to slide.
  const { search } = useLocation();
  const order = meetingOrder(domains);
  const count = order.length + 1;
  const index = Math.max(slideIndexOf(order, domainId), 0);
  const entry = index === 0 ? undefined : order[index - 1];
  const goTo = (target: number) => {
    if (target !== index) void navigate({ pathname: slidePath(order, target), search });
  };

  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (window.scrollY > 0) window.scrollTo(0, 0);
    // In full screen the meeting scrolls itself (meeting.css).
    if (rootRef.current) rootRef.current.scrollTop = 0;
  }, [index]);

  return { order, count, index, entry, goTo, rootRef };
}
