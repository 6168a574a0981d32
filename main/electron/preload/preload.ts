import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WizardApi } from '../../../shared/contract/api-client';
import type { ApiEvent } from '../../../shared/contract/api-events';
import { EVENT_CHANNEL, INVOKE_CHANNEL, PRELOAD_GLOBAL } from './ipc-channels';

/**
 * The page's only bridge to main: the typed API object and nothing else, never ipcRenderer or a channel name chosen
 * by the page (Electron security checklist 20). Typed by the shared contract, so drift fails to compile.
 */
export const wizardApi: WizardApi = {
  invoke: (channel, input, operationId) => ipcRenderer.invoke(INVOKE_CHANNEL, { channel, input, ...(operationId === undefined ? {} : { operationId }) }),
  onEvent: (listener) => {
    // The IPC event (with its sender) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, wizardApi);
