import type { InlinePolicy } from '../diagnostics/account-snapshot';
import type { BucketNotificationDocument } from '../policy/notification-document';
import type { SetupOwnership } from '../setup/ownership';
import type { Setup } from '../setup/setup';

/** Another saved setup of this machine: what it describes, the account it was applied in, and what it owns. */
export interface NeighbourSetup {
  readonly setup: Setup;
  readonly accountId: string | null;
  readonly ownership: SetupOwnership | null;
  readonly removed: boolean;
}

/** The role as a neighbour check sees it: its tags, inline policies and attached managed policies. */
export interface RoleSurroundings {
  readonly tags: Readonly<Record<string, string>>;
  readonly inlinePolicies: ReadonlyArray<InlinePolicy>;
  readonly attachedPolicies: ReadonlyArray<string>;
}

/**
 * What a setup's plan knows about the other users of its resources, read before planning (main/steps/neighbourhood.ts):
 * the other saved setups, this setup's own record, and the tags and policies of the queue and the role.
 */
export interface Neighbourhood {
  readonly others: ReadonlyArray<NeighbourSetup>;
  /** This setup's own saved record: what it owns, and the scope it was last applied with. */
  readonly own: { readonly setup: Setup; readonly ownership: SetupOwnership | null } | null;
  /** The queue's tags; null when the queue does not exist. */
  readonly queueTags: Readonly<Record<string, string>> | null;
  /** null when the role does not exist. */
  readonly role: RoleSurroundings | null;
  /** The bucket's notification document (null: not readable), so a fan-out's plan knows the rules it replaces. */
  readonly notification: BucketNotificationDocument | null;
  /** The endpoints subscribed to the fan-out topic this setup recorded (null: it recorded none, or the topic is gone). */
  readonly fanOutEndpoints: ReadonlyArray<string> | null;
}

/** The parts of a neighbourhood read from the account (the rest is the saved setups of this machine). */
export type AccountPart = 'queueTags' | 'role' | 'notification' | 'fanOutEndpoints';

/** An offline export's neighbourhood: nothing can be read, so nothing is known. */
export const UNKNOWN_NEIGHBOURHOOD: Neighbourhood = { others: [], own: null, queueTags: null, role: null, notification: null, fanOutEndpoints: null };

/** Someone else who uses a resource, and how the wizard knows it (a saved setup, a tag, or the live wiring; never a name pattern). */
export interface Neighbour {
  readonly who: string;
  readonly via: 'saved setup' | 'tag' | 'queue policy' | 'bucket notification' | 'trust policy' | 'inline policy' | 'managed policy';
}

/** "setup orders-b (saved setup); bucket arn:aws:s3:::logs (queue policy)". */
export function describeNeighbours(neighbours: ReadonlyArray<Neighbour>): string {
  return [...new Set(neighbours.map((n) => `${n.who} (${n.via})`))].join('; ');
}
