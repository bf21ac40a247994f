import { useEffect, useState } from 'react';

/**
 * The current time, re-read at each change of minute (the wall shows HH:MM, so a render a minute is
 * all it needs). One timeout at a time, re-aimed at the next minute each time, so it never drifts.
 */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const msToNextMinute = 60_000 - (Date.now() % 60_000);
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, msToNextMinute + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return now;
}
