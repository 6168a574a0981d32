import type { Setup } from '../../shared/setup/setup';
import { stepContextFor, type OperationContext, type StepContext } from '../steps/step-context';
import type { HandlerContext } from './handler-context';

/** The connected front end's operation context for a feature: features never see HandlerContext or the workspace. */
export function operationContext(ctx: HandlerContext): OperationContext {
  const target = ctx.workspace.target();
  const { connection } = target;
  return {
    target,
    callerArn: connection.arn,
    accountId: connection.accountId,
    bucketOwner: connection.accountId,
    dataDir: ctx.workspace.dataDir(),
    backupRoot: ctx.workspace.backupRoot(),
    signal: ctx.signal,
    progress: (message, detail) => ctx.progress(message, detail),
  };
}

/** The step context of a setup for this call (the setup's Region wins over the connection's). */
export function stepContextOf(setup: Setup, ctx: HandlerContext): StepContext {
  return stepContextFor(setup, operationContext(ctx));
}
