import type { Channel } from '../../shared/contract/api-contract';
import type { HandlerContext, HandlerTable } from './handler-context';
import { listProfiles } from '../aws/profiles';
import { APP_NAME, APP_VERSION } from './app-version';

// The handlers that call AWS are loaded on their first call (dynamic import): a command that lists profiles or prints
// its help never loads the AWS SDK clients (start-up: BENCHMARKS.md).
const steps = () => import('./step-handlers');
const scope = () => import('./scope-handlers');
const ops = () => import('./operation-context');
const liveTest = () => import('./livetest-handlers');
const handoff = () => import('../handoff/read-registration');
// The store validates what it reads with zod; listing profiles needs neither.
const setups = () => import('../store/setups');
const backups = () => import('../store/backups');

/** The modules the handlers of these channels load on their first call. */
const MODULES_OF: Partial<Record<Channel, ReadonlyArray<() => Promise<unknown>>>> = {
  'steps.planAll': [steps, ops],
  'steps.applyAll': [steps, ops],
  'steps.planApplyAll': [steps, ops],
  'livetest.run': [liveTest, ops],
  'handoff.values': [handoff, ops],
};

/**
 * Loads the handler modules of channels a front end calls next, so their loading runs while it waits on the network
 * for the current call instead of delaying the next one (the CLI's apply: BENCHMARKS.md).
 */
export function preloadHandlers(channels: ReadonlyArray<Channel>): void {
  for (const channel of channels) for (const load of MODULES_OF[channel] ?? []) void load().catch(() => undefined);
}

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
  'profiles.list': async (_input, ctx) => listProfiles(ctx.workspace.env, ctx.workspace.systemProxy()),
  'session.connect': async (input, ctx) => (await import('./connect-session')).connectSession(input, ctx),
  'session.current': async (_input, ctx) => ctx.workspace.current(),
  'scope.buckets': async (_input, ctx) => (await scope()).listBucketsHandler(ctx),
  'scope.bucketRegion': async (input, ctx) => (await scope()).bucketRegionHandler(input.bucket, input.bucketOwner, ctx),
  'steps.plan': async (input, ctx) => (await steps()).planStepHandler(input, ctx),
  'steps.apply': async (input, ctx) => (await steps()).applyStepHandler(input, ctx),
  'steps.applyAll': async (input, ctx) => (await steps()).applyAllHandler(input, ctx),
  'steps.planAll': async (input, ctx) => (await steps()).planAllHandler(input, ctx),
  'steps.planApplyAll': async (input, ctx) => (await steps()).planApplyAllHandler(input, ctx),
  'remove.plan': async (input, ctx) => (await steps()).removePlanHandler(input, ctx),
  'remove.apply': async (input, ctx) => (await steps()).removeApplyHandler(input, ctx),
  'setups.list': async (_input, ctx) => (await setups()).listSetups(ctx.workspace.dataDir()),
  'setups.get': async (input, ctx) => (await setups()).getSetup(ctx.workspace.dataDir(), input.name),
  'setups.save': async (input, ctx) => (await setups()).saveSetup(ctx.workspace.dataDir(), input.setup, input.editing),
  'setups.rename': async (input, ctx) => (await setups()).renameSetup(ctx.workspace.dataDir(), input.name, input.to),
  'setups.delete': async (input, ctx) => ({ deleted: await (await setups()).deleteSetup(ctx.workspace.dataDir(), input.name) }),
  'backups.list': async (input, ctx) => (await backups()).listBackups(ctx.workspace.dataDir(), input.setupName),
  'backups.planRestore': async (input, ctx) =>
    (await import('../steps/restore')).planRestore(input.path, (await ops()).operationContext(ctx), { ...restoreScope(ctx), keepOurs: input.keepOurs }),
  'backups.restore': async (input, ctx) =>
    (await import('../steps/restore')).restoreBackup(input.path, input.basis, (await ops()).operationContext(ctx), {
      ...restoreScope(ctx),
      keepOurs: input.keepOurs,
    }),
  'livetest.run': async (input, ctx) => (await liveTest()).liveTestHandler(input, ctx),
  'handoff.values': async (input, ctx) => (await handoff()).readRegistration((await ops()).stepContextOf(input.setup, ctx)),
  'doctor.run': async (input, ctx) => {
    const report = await (await import('../diagnostics/run-doctor')).runDoctor((await ops()).stepContextOf(input.setup, ctx), input);
    await (await import('./setup-status')).markDiagnosed(ctx.workspace.dataDir(), input.setup.name, report);
    return report;
  },
  'export.build': async (input, ctx) => (await import('./export-handler')).exportHandler(input, ctx),
  'operation.cancel': handledByDispatcher,
};
