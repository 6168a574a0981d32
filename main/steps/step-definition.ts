import type { ApiError } from '../../shared/contract/api-error';
import type { ChangeSummary } from '../../shared/diff/change-summary';
import type { AwsStepId } from '../../shared/steps/aws-steps';
import type { AwsCallContext, StepContext } from './step-context';

/** What one read of a step's resource found: its document (null when absent) and the facts the proposal and the write need. */
export interface LiveState<Doc, Facts> {
  /** The resource as the plan shows it and its backup records it (an ARN or URL). */
  readonly resource: string;
  readonly document: Doc | null;
  /** Read on the way (the queue URL, whether the role exists); never shown as part of the document. */
  readonly facts: Facts;
}

/** A step's proposal: the document to write, or why it must not be written. */
export type Proposal<Doc> =
  | {
      readonly ok: true;
      readonly document: Doc;
      readonly summary: ChangeSummary;
      readonly changed: boolean;
      readonly notes: ReadonlyArray<string>;
      readonly warnings: ReadonlyArray<string>;
    }
  | { readonly ok: false; readonly error: ApiError };

/**
 * One AWS step of the platform guide: which resource of a setup it changes, how that resource is read and written
 * (the same read and write serve plan, apply and restore), and how the proposed document is built from shared/.
 * Its facts for the screens (title, backup kind, IAM write action) are AWS_STEPS[id] in shared/steps/aws-steps.ts.
 */
export interface StepDefinition<Doc, Facts> {
  readonly id: AwsStepId;
  /** The resource this setup's step reads and writes (shown in plans, recorded in backups, read again by restore). */
  resource(ctx: StepContext): string;
  /** Reads the resource's live document; throws an ApiFailure when it cannot be planned at all (no such bucket). */
  read(call: AwsCallContext, resource: string): Promise<LiveState<Doc, Facts>>;
  /** The live state an offline export assumes, with no account to read: none of it exists yet (a bucket has no rules). */
  offlineLive(ctx: StepContext): LiveState<Doc, Facts>;
  /** Builds the document this setup needs from the live one (shared/ builders and merges); pure. */
  propose(live: LiveState<Doc, Facts>, ctx: StepContext): Proposal<Doc>;
  /** The single write call (null: the document did not exist, for a restore); returns whether it created or updated. */
  write(call: AwsCallContext, live: LiveState<Doc, Facts>, document: Doc | null): Promise<'created' | 'updated'>;
}

/** A step definition of any document type: what the registry, plan, apply and restore handle. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition is typed per step; the registry only routes.
export type AnyStepDefinition = StepDefinition<any, any>;
