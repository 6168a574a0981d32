import type { AccountPart } from '../../shared/neighbours/neighbourhood';
import type { ApiError } from '../../shared/contract/api-error';
import type { ChangeSummary } from '../../shared/diff/change-summary';
import type { SetupOwnership } from '../../shared/setup/ownership';
import type { AwsStepId } from '../../shared/steps/aws-steps';
import type { StaleRule } from '../../shared/policy/notification-destinations';
import type { RemovalChoice } from '../../shared/steps/step-plan';
import type { AwsCallContext, PlanContext } from './step-context';

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
      /** Other teams' rules whose destination is gone (bucket notification): removed ones are in the document, by the admin's choice. */
      readonly staleRules?: ReadonlyArray<StaleRule>;
    }
  | {
      readonly ok: false;
      readonly error: ApiError;
      readonly staleRules?: ReadonlyArray<StaleRule>;
      /** What would be written were the refusal lifted (our part placed): the blocked plan's diff shows it; it is never written. */
      readonly draft?: Doc;
    };

/** What removing a setup does to one resource: write it without the setup's part (null: delete it), keep it (and why), or refuse. */
export type Removal<Doc> =
  | {
      readonly kind: 'write';
      readonly document: Doc | null;
      readonly summary: ChangeSummary;
      readonly notes: ReadonlyArray<string>;
      /** What the admin must not miss (deleting the trust policy deletes the whole role). */
      readonly warnings?: ReadonlyArray<string>;
    }
  | { readonly kind: 'keep'; readonly notes: ReadonlyArray<string>; readonly choice?: RemovalChoice }
  | { readonly kind: 'blocked'; readonly error: ApiError };

/** The admin's answers to a removal's questions. */
export interface RemovalOptions {
  readonly deleteQueueWithMessages: boolean;
}

/**
 * One AWS step of the platform guide: which resource of a setup it changes, how that resource is read and written
 * (the same read and write serve plan, apply, restore and remove), how the proposed document is built from shared/,
 * what the setup owns through it, and what removing the setup does to it. Its facts for the screens (title, backup
 * kind, IAM write action) are AWS_STEPS[id] in shared/steps/aws-steps.ts.
 */
export interface StepDefinition<Doc, Facts> {
  readonly id: AwsStepId;
  /** The resource this setup's step reads and writes (shown in plans, recorded in backups, read again by restore). */
  resource(ctx: PlanContext): string;
  /** Reads the resource's live document; throws an ApiFailure when it cannot be planned at all (no such bucket). */
  read(call: AwsCallContext, resource: string): Promise<LiveState<Doc, Facts>>;
  /** The live state an offline export assumes, with no account to read: none of it exists yet (a bucket has no rules). */
  offlineLive(ctx: PlanContext): LiveState<Doc, Facts>;
  /**
   * False when the step has nothing to decide on the account for this setup (no SNS fan-out chosen or recorded): plans
   * and applies then take offlineLive instead of reading (readLive). Absent: always read.
   */
  needsRead?(ctx: PlanContext): boolean;
  /** Builds the document this setup needs from the live one (shared/ builders and merges), refusing to take over a neighbour's; pure. */
  propose(live: LiveState<Doc, Facts>, ctx: PlanContext): Proposal<Doc>;
  /** What removing the setup does to the live resource: only its own part, and the resource itself only when it created it and nobody else uses it; pure. */
  proposeRemoval(live: LiveState<Doc, Facts>, ctx: PlanContext, options: RemovalOptions): Removal<Doc>;
  /**
   * The single write call (null: delete the resource, or the document did not exist, for a restore); whether it
   * created or updated. `ctx` is the setup's plan context (tags for what it creates); null for a restore.
   */
  write(call: AwsCallContext, live: LiveState<Doc, Facts>, document: Doc | null, ctx: PlanContext | null): Promise<'created' | 'updated'>;
  /** What the setup owns through this step once it is applied (`created`: this apply created the resource; `after`: the document read back). */
  owns(ctx: PlanContext, created: boolean, after: unknown): Partial<SetupOwnership>;
  /** Runs after a write of this step succeeded, alongside its read-back (the notification: clear S3's test event from the setup's own queue). */
  afterWrite?(ctx: PlanContext): Promise<void>;
  /**
   * The parts of a neighbourhood this step's write can change (creating the queue gives it tags): an apply run re-reads
   * only those after the step wrote (steps.applyAll).
   */
  readonly changesNeighbourhood: ReadonlyArray<AccountPart>;
  /** True when a deletion shows only after a while (SQS: up to 60 s), so a read-back that still finds the resource is no failure. */
  readonly deletionIsEventual?: boolean;
}

/** A step definition of any document type: what the registry, plan, apply and restore handle. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition is typed per step; the registry only routes.
export type AnyStepDefinition = StepDefinition<any, any>;

/** The step's live state for a setup's plan or apply: read, unless the step has nothing to decide on the account (needsRead). */
export function readLive<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext, resource: string): Promise<LiveState<Doc, Facts>> {
  return def.needsRead?.(ctx) === false ? Promise.resolve(def.offlineLive(ctx)) : def.read(ctx, resource);
}
