import type { HandlerContext, HandlerTable } from './handler-context';
import { listProfiles } from '../aws/profiles';
import { connectSession } from './connect-session';
import { APP_NAME, APP_VERSION } from './app-version';
import { bucketRegionHandler, listBucketsHandler } from './scope-handlers';
import { applyStepHandler, planAllHandler, planStepHandler, removeApplyHandler, removePlanHandler } from './step-handlers';
import { liveTestHandler } from './livetest-handlers';
import { exportHandler } from './export-handler';
import { operationContext, stepContextOf } from './operation-context';
import { markDiagnosed } from './setup-status';
import { runDoctor } from '../diagnostics/run-doctor';
import { readRegistration } from '../handoff/read-registration';
import { planRestore, restoreBackup } from '../steps/restore';
import { listBackups } from '../store/backups';
import { deleteSetup, getSetup, listSetups, renameSetup, saveSetup } from '../store/setups';

/** GUI front ends may only restore files of the data directory; the CLI admin may name any backup file (--backup-dir). */
function restoreScope(ctx: HandlerContext) {
  return { anyFolder: ctx.frontEnd === 'cli' };
}

/** Channels of the operation registry are answered by the dispatcher itself; this marks them as handled there. */
const handledByDispatcher = async (): Promise<never> => {
  throw new Error('operation.cancel is handled by the dispatcher');
};

/** The one handler table behind Electron IPC, the browser host and the CLI (docs/ARCHITECTURE.md#one-handler-table). */
export const handlers: HandlerTable = {
  'app.info': async (_input, ctx) => ({ name: APP_NAME, version: APP_VERSION, frontEnd: ctx.frontEnd }),
  'profiles.list': async (_input, ctx) => listProfiles(ctx.workspace.env),
  'session.connect': async (input, ctx) => connectSession(input, ctx),
  'session.current': async (_input, ctx) => ctx.workspace.current(),
  'scope.buckets': async (_input, ctx) => listBucketsHandler(ctx),
  'scope.bucketRegion': async (input, ctx) => bucketRegionHandler(input.bucket, ctx),
  'steps.plan': planStepHandler,
  'steps.apply': applyStepHandler,
  'steps.planAll': planAllHandler,
  'remove.plan': removePlanHandler,
  'remove.apply': removeApplyHandler,
  'setups.list': async (_input, ctx) => listSetups(ctx.workspace.dataDir()),
  'setups.get': async (input, ctx) => getSetup(ctx.workspace.dataDir(), input.name),
  'setups.save': async (input, ctx) => saveSetup(ctx.workspace.dataDir(), input.setup, input.editing),
  'setups.rename': async (input, ctx) => renameSetup(ctx.workspace.dataDir(), input.name, input.to),
  'setups.delete': async (input, ctx) => ({ deleted: await deleteSetup(ctx.workspace.dataDir(), input.name) }),
  'backups.list': async (input, ctx) => listBackups(ctx.workspace.dataDir(), input.setupName),
  'backups.planRestore': async (input, ctx) => planRestore(input.path, operationContext(ctx), { ...restoreScope(ctx), keepOurs: input.keepOurs }),
  'backups.restore': async (input, ctx) => restoreBackup(input.path, input.basis, operationContext(ctx), { ...restoreScope(ctx), keepOurs: input.keepOurs }),
  'livetest.run': liveTestHandler,
  'handoff.values': async (input, ctx) => readRegistration(stepContextOf(input.setup, ctx)),
  'doctor.run': async (input, ctx) => {
    const report = await runDoctor(stepContextOf(input.setup, ctx), input);
    await markDiagnosed(ctx.workspace.dataDir(), input.setup.name, report);
    return report;
  },
  'export.build': exportHandler,
  'operation.cancel': handledByDispatcher,
};
