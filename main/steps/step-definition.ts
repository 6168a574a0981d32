import type { ApiError } from '../../shared/contract/api-error';
import type { ChangeSummary } from '../../shared/diff/change-summary';
import type { StepId } from '../../shared/steps/step-ids';
import type { StepContext } from './step-context';

/** The live state a step read: its document (null when absent) and what the proposal or the write needs. */
export interface LiveState {
  readonly resource: string;
  readonly document: unknown;
  /** Step-specific facts read on the way (the queue URL, say); never shown as part of the document. */
  readonly facts: Readonly<Record<string, string | null>>;
}

/** A step's proposal: the document to write, or why it must not be written. */
export type Proposal =
  | {
      readonly ok: true;
      readonly document: unknown;
      readonly summary: ChangeSummary;
      readonly changed: boolean;
      readonly notes: ReadonlyArray<string>;
      readonly warnings: ReadonlyArray<string>;
    }
  | { readonly ok: false; readonly error: ApiError };

/** One step of the seed: read the live document, propose from shared/ builders and merges, and make the one write. */
export interface StepDefinition {
  readonly id: StepId;
  read(ctx: StepContext): Promise<LiveState>;
  propose(live: LiveState, ctx: StepContext): Proposal;
  /** The single write call; returns whether it created or updated. */
  write(proposed: unknown, live: LiveState, ctx: StepContext): Promise<'created' | 'updated'>;
}
