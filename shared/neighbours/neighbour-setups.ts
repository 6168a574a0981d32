import { taggedSetup } from '../setup/ownership';
import type { Setup } from '../setup/setup';
import type { Neighbour, Neighbourhood, NeighbourSetup } from './neighbourhood';

/** The name this setup's tags carry: its recorded tag name (it may have been renamed since), else its name. */
export function ownTagName(setup: Setup, n: Neighbourhood): string {
  return n.own?.ownership?.tagName ?? setup.name;
}

/** Other saved setups of the same account (or of no known account) that are not removed and match `uses`. */
export function savedSetupsUsing(setup: Setup, n: Neighbourhood, accountId: string, uses: (other: NeighbourSetup) => boolean): ReadonlyArray<Neighbour> {
  return n.others
    .filter((o) => !o.removed && (o.accountId === null || o.accountId === accountId) && o.setup.region === setup.region && uses(o))
    .map((o) => ({ who: `setup ${o.setup.name}`, via: 'saved setup' as const }));
}

/** The setup named by a resource's tag, when it is not this setup. */
export function taggedByOther(setup: Setup, n: Neighbourhood, tags: Readonly<Record<string, string>> | null): ReadonlyArray<Neighbour> {
  const owner = taggedSetup(tags);
  return owner !== null && owner !== ownTagName(setup, n) ? [{ who: `setup ${owner}`, via: 'tag' }] : [];
}

/** True when this setup created the resource: its record says so, or the resource carries its tag. */
export function createdByThisSetup(setup: Setup, n: Neighbourhood, recorded: boolean | undefined, tags: Readonly<Record<string, string>> | null): boolean {
  return recorded === true || (tags !== null && taggedSetup(tags) === ownTagName(setup, n));
}
