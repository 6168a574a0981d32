import { useEffect, useState } from 'react';

/** Milliseconds since `running` turned true, ticking while it stays true (progress events come only between long polls). */
export function useElapsed(running: boolean, tickMs = 200): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Date.now() - started), tickMs);
    return () => clearInterval(timer);
  }, [running, tickMs]);
  return elapsed;
}
