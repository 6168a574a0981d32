import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** How many foreground operations are running, and the way an operation registers itself. */
interface BusyState {
  readonly busy: boolean;
  /** Registers a running operation; the returned function releases it (once). */
  readonly acquire: () => () => void;
}

const BusyContext = createContext<BusyState>({ busy: false, acquire: () => () => undefined });

/**
 * Counts the running foreground operations of the whole app (useOperation registers them), so navigation waits while
 * any call runs, and a screen that unmounts mid-call releases its count instead of leaving the app disabled.
 */
export function BusyProvider({ children }: { readonly children: ReactNode }) {
  const [running, setRunning] = useState(0);
  const acquire = useCallback(() => {
    setRunning((n) => n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      setRunning((n) => n - 1);
    };
  }, []);
  const value = useMemo(() => ({ busy: running > 0, acquire }), [running, acquire]);
  return <BusyContext.Provider value={value}>{children}</BusyContext.Provider>;
}

/** True while any foreground operation runs: navigation (header, stepper) is disabled, only Cancel stays enabled. */
export function useBusy(): boolean {
  return useContext(BusyContext).busy;
}

/** The registration function useOperation calls for a running foreground operation. */
export function useBusyRegistration(): () => () => void {
  return useContext(BusyContext).acquire;
}
