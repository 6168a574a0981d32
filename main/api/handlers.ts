import type { HandlerTable } from './handler-context';
import { listProfiles } from '../aws/profiles';
import { connectSession } from './connect-session';
import { APP_NAME, APP_VERSION } from './app-version';

/** Channels of the operation registry are answered by the dispatcher itself; this marks them as handled there. */
const handledByDispatcher = async (): Promise<never> => {
  throw new Error('operation.cancel is handled by the dispatcher');
};

/** The one handler table behind Electron IPC, the browser host and the CLI (DESIGN.md, "One handler table"). */
export const handlers: HandlerTable = {
  'app.info': async (_input, ctx) => ({ name: APP_NAME, version: APP_VERSION, frontEnd: ctx.frontEnd }),
  'profiles.list': async (_input, ctx) => listProfiles(ctx.session.env),
  'session.connect': async (input, ctx) => connectSession(input, ctx),
  'session.current': async (_input, ctx) => ctx.session.current(),
  'operation.cancel': handledByDispatcher,
};
