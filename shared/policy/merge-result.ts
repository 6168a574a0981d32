import type { ApiError } from '../contract/api-error';
import type { ChangeSummary } from '../diff/change-summary';

/** Re-exported so merge callers need one import for the result and its summary (defined with the diff model). */
export type { ChangeSummary, ChangeSummaryItem, ChangeKind } from '../diff/change-summary';

/** Every merge's answer: the document to write and what it changes, or why it must not be written (docs/ARCHITECTURE.md#conventions). */
export type MergeResult<D> =
  | {
      readonly ok: true;
      readonly document: D;
      readonly summary: ChangeSummary;
      /** False when the merged document means the same as the live one: the "no change" answer of a re-run. */
      readonly changed: boolean;
      readonly notes: ReadonlyArray<string>;
    }
  | {
      readonly ok: false;
      readonly error: ApiError;
      /** What would be written were the refusal lifted (our rule placed, the rest as it is): shown in the blocked plan's diff, never written. */
      readonly draft?: D;
    };
