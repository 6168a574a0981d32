import type { Setup } from '../../shared/setup/setup';
import { setupArns, type SetupArns } from '../../shared/setup/setup-arns';
import type { AwsTarget } from '../aws/client-config';
import type { HandlerContext } from '../api/handler-context';

/** Everything a step needs: the setup, where AWS calls go, the derived ARNs, and where backups are kept. */
export interface StepContext extends SetupArns {
  readonly setup: Setup;
  readonly target: AwsTarget;
  readonly accountId: string;
  readonly callerArn: string;
  readonly dataDir: string;
  /** Folder under which backups/<setup name>/ is written: the data directory, or the CLI's --backup-dir. */
  readonly backupRoot: string;
  readonly signal: AbortSignal;
  readonly progress: (message: string) => void;
}

/** Builds the step context from the connected session; the setup's Region wins over the session's. */
export function stepContext(setup: Setup, ctx: HandlerContext): StepContext {
  const session = ctx.session.target();
  const accountId = session.connection.accountId;
  return {
    setup,
    target: { ...session, region: setup.region },
    accountId,
    callerArn: session.connection.arn,
    ...setupArns(setup, accountId),
    dataDir: ctx.session.dataDir(),
    backupRoot: ctx.session.backupRoot(),
    signal: ctx.signal,
    progress: (message) => ctx.progress(message),
  };
}
