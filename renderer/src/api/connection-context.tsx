import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Connection } from '../../../shared/contract/aws-profile';

/** The connection every screen may need, and the way to change it (Connect, Change profile). */
interface ConnectionState {
  readonly connection: Connection | null;
  readonly setConnection: (connection: Connection | null) => void;
}

const ConnectionContext = createContext<ConnectionState | null>(null);

/** Holds the app's connection (who the back end acts as) for every screen below it. */
export function ConnectionProvider({ initial = null, children }: { readonly initial?: Connection | null; readonly children: ReactNode }) {
  const [connection, setConnection] = useState<Connection | null>(initial);
  const value = useMemo(() => ({ connection, setConnection }), [connection]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

/** The app's connection and its setter; components below ConnectionProvider may rely on it. */
export function useConnection(): ConnectionState {
  const state = useContext(ConnectionContext);
  if (!state) throw new Error('useConnection outside ConnectionProvider');
  return state;
}
