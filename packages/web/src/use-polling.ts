// Refreshes a view every few seconds while `active` (something it shows is still changing by
// itself: a job or a scrape task running), and not at all once nothing is: a finished list stays put.
import { useEffect, useRef } from 'react';

export function usePolling(refresh: () => void, active: boolean, everyMs = 2000): void {
  // The latest callback, so callers need not memoise it and a new one does not restart the timer.
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => latest.current(), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs]);
}
