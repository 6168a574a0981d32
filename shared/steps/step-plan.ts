import type { ApiError } from '../contract/api-error';
import type { ChangeSummary } from '../diff/change-summary';
import type { DocumentDiff } from '../diff/diff-documents';
import type { StaleRule } from '../policy/notification-destinations';
import type { AwsStepId } from './aws-steps';

/** What applying a plan would do: 'delete' removes the resource itself; 'blocked' means it must not be applied (the reason is in `blocked`). */
export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged' | 'blocked';

/** One step's plan: the live document, the proposed one, the summary and diff the admin confirms, and the basis. */
export interface StepPlan {
  readonly step: AwsStepId;
  readonly title: string;
  /** ARN or URL of what the step changes. */
  readonly resource: string;
  readonly action: PlanAction;
  /** The live document as read (null: it does not exist yet). */
  readonly current: unknown;
  /** The document that would be written (null when blocked). */
  readonly proposed: unknown;
  readonly summary: ChangeSummary;
  readonly diff: DocumentDiff;
  /** Fingerprint of the live document the plan was made from; apply refuses when the live one no longer matches. */
  readonly basis: string;
  readonly warnings: ReadonlyArray<string>;
  readonly notes: ReadonlyArray<string>;
  readonly blocked: ApiError | null;
  /** The bucket's rules of other teams whose destination is gone, each removable by the admin's choice (bucket notification only). */
  readonly staleRules?: ReadonlyArray<StaleRule>;
  /** True on a blocked plan whose diff shows a draft: what would be written were the blocker resolved (our rule placed); nothing can be written from it. */
  readonly draft?: boolean;
}

/** The admin's answers that change what a plan proposes; sent with the plan and again with its apply. */
export interface PlanChoices {
  /** Ids of other teams' rules whose destination no longer exists, to remove from the bucket's configuration. */
  readonly removeStaleRules: ReadonlyArray<string>;
}

/** What applying one step did. */
export interface StepResult {
  readonly step: AwsStepId;
  readonly resource: string;
  readonly action: 'created' | 'updated' | 'deleted' | 'unchanged';
  /** The backup taken before the write (null when nothing was written). */
  readonly backupPath: string | null;
  /** True when the resource had no document before the write: the backup then records `document: null`, which a restore reads as "nothing existed". */
  readonly previousMissing: boolean;
  /** The document read back after the write. */
  readonly after: unknown;
}

/** What one apply run of confirmed plans did (steps.applyAll): the steps written in order, and the one that failed, if any. */
export interface AppliedRun {
  readonly results: ReadonlyArray<StepResult>;
  /** The step that stopped the run and why; the steps after it were not tried. Null when every step was applied. */
  readonly failed: { readonly step: AwsStepId; readonly error: ApiError } | null;
}

/**
 * `apply --yes` as one operation (steps.planApplyAll): the whole plan, and the run of its plans when none is blocked
 * (null when one is: nothing was written or saved).
 */
export interface PlannedRun {
  readonly plans: ReadonlyArray<StepPlan>;
  readonly run: AppliedRun | null;
}

/** A restore's plan: the live document against the backup's (or the backup's with the setup's part kept), and which backup. */
export interface RestorePlan extends StepPlan {
  readonly backupPath: string;
  readonly takenAt: string;
  /** True when this plan restores the others' parts and keeps the setup's own (the proposed side is the backup's document with the setup's part merged in). */
  readonly keepOurs: boolean;
  /** What the restore does to the part of the saved setup whose backup it is; null when no saved setup owns the resource. */
  readonly ownPart: RestoreOwnPart | null;
}

/** The setup's own statement or rule in a restore: whether the backup as it is takes it out, what stops then, and whether it can be kept. */
export interface RestoreOwnPart {
  readonly setupName: string;
  /** True when the live document holds the setup's part as the setup needs it and the backup's does not (restoring it removes or changes it). */
  readonly removesOurs: boolean;
  /** What stops without it (AWS_STEPS[step].withoutOurPart). */
  readonly consequence: string;
  /** Why the others' parts cannot be restored with the setup's kept (the backup's document would be refused with it); null when they can. */
  readonly keepOursRefused: ApiError | null;
}

/** A question a removal asks before it deletes more than it is sure of (a queue that still holds messages). */
export interface RemovalChoice {
  readonly flag: 'deleteQueueWithMessages';
  readonly question: string;
}

/** One document's part of removing a setup: the plan, and a question the admin may answer to remove more. */
export interface RemovalPlan extends StepPlan {
  readonly choice: RemovalChoice | null;
}
