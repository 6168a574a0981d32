/**
 * The part of the `electron` module a sandboxed preload can use, typed without Node: with `sandbox: true` the preload
 * gets only contextBridge, ipcRenderer and a few renderer modules, and no Node built-ins (Electron docs, "Process
 * Sandboxing: Preload scripts"). Declaring just what the preload uses makes any Node or main-process API a compile error.
 */
declare module 'electron' {
  /** The event an ipcRenderer listener receives first; the preload never hands it to the page. */
  export interface IpcRendererEvent {
    readonly senderId: number;
  }

  /** Sends to and listens on main's IPC channels (Electron docs, "ipcRenderer"). */
  export const ipcRenderer: {
    invoke(channel: string, ...args: ReadonlyArray<unknown>): Promise<never>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: never[]) => void): unknown;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: never[]) => void): unknown;
  };

  /** Exposes values to the isolated page (Electron docs, "contextBridge"). */
  export const contextBridge: {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  };
}
