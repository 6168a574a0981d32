import { targetInRegion } from '../aws/clients';
import type { ProgressDetail } from '../../shared/contract/api-events';
import type { Neighbourhood } from '../../shared/neighbours/neighbourhood';
import type { PlanChoices } from '../../shared/steps/step-plan';
import type { Setup } from '../../shared/setup/setup';
import { setupArns, type SetupArns } from '../../shared/setup/setup-arns';
import type { AwsTarget } from '../aws/client-config';

/** What every AWS read or write needs: where calls go, who makes them, Cancel, and where to report progress. */
export interface AwsCallContext {
  readonly target: AwsTarget;
  /** The connected account: a destination elsewhere cannot be read from this connection. */
  readonly accountId: string;
  /** The account that must own a bucket the call names (ExpectedBucketOwner): the connected one, or the setup's confirmed owner. */
  readonly bucketOwner: string;
  /** The caller's ARN (sts:GetCallerIdentity), named in audit lines and in "not visible to" messages. */
  readonly callerArn: string;
  readonly signal: AbortSignal;
  readonly progress: (message: string, detail?: ProgressDetail) => void;
}

/** An operation of a connected front end: the AWS call context plus the account and the local folders it records in. */
export interface OperationContext extends AwsCallContext {
  /** The data directory: setups, backups and the audit log. */
  readonly dataDir: string;
  /** Folder under which backups/<setup name>/ is written: the data directory, or the CLI's --backup-dir. */
  readonly backupRoot: string;
}

/** Everything a step needs: the operation's context, the setup, and the ARNs the setup implies in the account. */
export interface StepContext extends OperationContext, SetupArns {
  readonly setup: Setup;
}

/** A step context with what is known of the setup's neighbours: what plans, applies and removes need. */
export interface PlanContext extends StepContext {
  readonly neighbourhood: Neighbourhood;
  /** The admin's answers that change a proposal (other teams' stale rules to remove); the same for a plan and its apply. */
  readonly choices: PlanChoices;
}

/** No choices made: every stale rule blocks. */
export const NO_CHOICES: PlanChoices = { removeStaleRules: [] };

/** The step context of `setup` within an operation; the setup's Region wins over the connection's. */
export function stepContextFor(setup: Setup, op: OperationContext): StepContext {
  return { ...op, target: targetInRegion(op.target, setup.region), setup, ...setupArns(setup, op.accountId) };
}
