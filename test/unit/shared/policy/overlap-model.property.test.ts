import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueConfiguration } from '../../../../shared/policy/notification-document';
import { findOverlaps } from '../../../../shared/policy/notification-overlap';

// Brute-force model of S3's rule: two rules conflict when some object key, for some concrete event type,
// would match both. Keys are enumerated over the same tiny alphabet the prefixes and suffixes use.
const ALPHABET = ['a', 'b'] as const;
const MAX_FILTER = 2;
const CONCRETE_EVENTS = [
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
] as const;
const EVENT_NAMES = [...CONCRETE_EVENTS, 's3:ObjectCreated:*', 's3:ObjectRemoved:*'] as const;

function allKeys(maxLength: number): ReadonlyArray<string> {
  let level: string[] = [''];
  const keys: string[] = [''];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((k) => ALPHABET.map((c) => k + c));
    keys.push(...level);
  }
  return keys;
}
const KEYS = allKeys(2 * MAX_FILTER);

const expand = (events: ReadonlyArray<string>): ReadonlySet<string> =>
  new Set(CONCRETE_EVENTS.filter((c) => events.some((e) => e === c || (e.endsWith('*') && c.startsWith(e.slice(0, -1))))));

interface Rule {
  readonly events: ReadonlyArray<string>;
  readonly prefix: string;
  readonly suffix: string;
}

function modelConflict(a: Rule, b: Rule): boolean {
  const eventsB = expand(b.events);
  const sharesEvent = [...expand(a.events)].some((e) => eventsB.has(e));
  const matches = (r: Rule, key: string) => key.startsWith(r.prefix) && key.endsWith(r.suffix);
  return sharesEvent && KEYS.some((key) => matches(a, key) && matches(b, key));
}

const filterValue = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: MAX_FILTER });
const ruleArb: fc.Arbitrary<Rule> = fc.record({
  events: fc.uniqueArray(fc.constantFrom(...EVENT_NAMES), { minLength: 1, maxLength: 3 }),
  prefix: filterValue,
  suffix: filterValue,
});

const asConfiguration = (id: string, r: Rule): QueueConfiguration => ({
  Id: id,
  QueueArn: `arn:aws:sqs:us-east-1:123456789012:${id}`,
  Events: r.events,
  Filter: {
    Key: {
      FilterRules: [
        { Name: 'Prefix', Value: r.prefix },
        { Name: 'Suffix', Value: r.suffix },
      ],
    },
  },
});

describe('findOverlaps agrees with a brute-force model', () => {
  it('on random event types, prefixes and suffixes', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, (a, b) => {
        const found = findOverlaps(asConfiguration('ours', a), { QueueConfigurations: [asConfiguration('theirs', b)] });
        expect(found.length > 0).toBe(modelConflict(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, (a, b) => {
        const ab = findOverlaps(asConfiguration('x', a), { TopicConfigurations: [{ ...asConfiguration('y', b), TopicArn: 't' }] });
        const ba = findOverlaps(asConfiguration('y', b), { LambdaFunctionConfigurations: [{ ...asConfiguration('x', a), LambdaFunctionArn: 'l' }] });
        expect(ab.length).toBe(ba.length);
      }),
      { numRuns: 500 },
    );
  });
});
