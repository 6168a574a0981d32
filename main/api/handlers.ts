import type { HandlerTable } from './handler-context';
import { listProfiles } from '../aws/profiles';
import { connectSession } from './connect-session';
import { APP_NAME, APP_VERSION } from './app-version';
import { bucketRegionHandler, listBucketsHandler } from './scope-handlers';
import { applyStepHandler, planStepHandler } from './step-handlers';
import { liveTestHandler } from './livetest-handlers';
import { runDoctor } from '../diagnostics/run-doctor';
import { buildExport } from '../export/build-export';
import { readRegistration } from '../handoff/read-registration';
import { stepContext } from '../steps/step-context';
import { planRestore, restoreBackup } from '../steps/restore';
import { listBackups } from '../store/backups';
import { getSetup, listSetups, saveSetup } from '../store/setups';

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
  'scope.buckets': async (_input, ctx) => listBucketsHandler(ctx),
  'scope.bucketRegion': async (input, ctx) => bucketRegionHandler(input.bucket, ctx),
  'steps.plan': planStepHandler,
  'steps.apply': applyStepHandler,
  'setups.list': async (_input, ctx) => listSetups(ctx.session.dataDir()),
  'setups.get': async (input, ctx) => getSetup(ctx.session.dataDir(), input.name),
  'setups.save': async (input, ctx) => saveSetup(ctx.session.dataDir(), input.setup),
  'backups.list': async (input, ctx) => listBackups(ctx.session.dataDir(), input.setupName),
  'backups.planRestore': async (input, ctx) => planRestore(input.path, ctx),
  'backups.restore': async (input, ctx) => restoreBackup(input.path, input.basis, ctx),
  'livetest.run': liveTestHandler,
  'handoff.values': async (input, ctx) => readRegistration(stepContext(input.setup, ctx)),
  'doctor.run': runDoctor,
  'export.build': async (input, ctx) => buildExport(input.setup, input.accountId, ctx),
  'operation.cancel': handledByDispatcher,
};
