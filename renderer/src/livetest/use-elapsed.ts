import { useEffect, useState } from 'react';

/** Milliseconds since the component mounted, ticking (progress events come only between long polls). */
export function useElapsed(tickMs = 200): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now - started;
}
