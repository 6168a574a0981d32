import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { apiError, type ApiResult } from '../../shared/contract/api-error';
import type { ApiEvent } from '../../shared/contract/api-events';
import type { Dispatch } from '../api/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './preload/ipc-channels';
import { isTrustedSender } from './trusted-sender';

/** Builds the dispatcher of one window; `emit` delivers that window's progress events. */
export type DispatcherFactory = (emit: (event: ApiEvent) => void) => Dispatch;

/** The answer to a call from a frame that is not the app's own page; the dispatcher never sees it. */
export const UNTRUSTED_SENDER_RESULT: ApiResult<never> = {
  ok: false,
  error: apiError('ACCESS_DENIED', 'This page may not call the wizard API.', {
    fix: "Only the wizard's own window can make calls.",
  }),
};

/** What registerApiIpc returns: trust a window's contents, and remove the handler again. */
export interface ApiIpcRegistration {
  /** Marks a window's web contents as one that may call the API; forgotten when the contents is destroyed. */
  readonly trust: (contents: WebContents) => void;
  readonly dispose: () => void;
}

/**
 * Serves the API over the one invoke channel: every message's sender is checked first (checklist 17), then the
 * request goes to that window's dispatcher, whose progress events go back to the same window only.
 */
export function registerApiIpc(createDispatch: DispatcherFactory): ApiIpcRegistration {
  const trusted = new Set<number>();
  const dispatchers = new Map<number, Dispatch>();

  const dispatcherFor = (contents: WebContents): Dispatch => {
    let dispatch = dispatchers.get(contents.id);
    if (!dispatch) {
      dispatch = createDispatch((event) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
      });
      dispatchers.set(contents.id, dispatch);
    }
    return dispatch;
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event, trusted)) {
      console.warn(`Refused an API call from an untrusted frame: ${event.senderFrame?.url ?? '(gone)'}`);
      return UNTRUSTED_SENDER_RESULT;
    }
    return dispatcherFor(event.sender)(request);
  });

  return {
    trust: (contents) => {
      trusted.add(contents.id);
      contents.once('destroyed', () => {
        trusted.delete(contents.id);
        dispatchers.delete(contents.id);
      });
    },
    dispose: () => ipcMain.removeHandler(INVOKE_CHANNEL),
  };
}
