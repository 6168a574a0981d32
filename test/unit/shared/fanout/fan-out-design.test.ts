import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyAsAwsSendsIt, keyAsMotoSendsIt } from '../../../../shared/fanout/event-key-encoding';
import { designFanOut, FAN_OUT_RULE_ID, rulesOf, type FanOutInput } from '../../../../shared/fanout/fan-out-design';
import { eventCovers, prefixesOverlap, sharedEventTypes, suffixesOverlap } from '../../../../shared/policy/event-type-overlap';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import type { BucketNotificationDocument } from '../../../../shared/policy/notification-document';
import type { RuleScope } from '../../../../shared/fanout/subscription-filter';
import { snsFilterMatches } from '../../../../shared/fanout/sns-filter-matches';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const q = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:acme-raw-s3-fan-out`;
const ours = (prefix: string, suffix: string) => buildQueueConfiguration({ queueName: 'ours', queueArn: q('ours'), prefix, suffix });
const rule = (id: string, arn: string, prefix: string, suffix: string, events: ReadonlyArray<string> = ['s3:ObjectCreated:*']) => ({
  Id: id,
  QueueArn: arn,
  Events: events,
  ...(prefix || suffix
    ? { Filter: { Key: { FilterRules: [...(prefix ? [{ Name: 'Prefix', Value: prefix }] : []), ...(suffix ? [{ Name: 'Suffix', Value: suffix }] : [])] } } }
    : {}),
});
const input = (live: BucketNotificationDocument, mine = ours('incoming/', '.csv')): FanOutInput => ({
  live,
  ours: mine,
  account: ACCOUNT,
  region: REGION,
  newTopicArn: TOPIC,
});

/** Does a rule of scope `s` receive this event for this key (S3's own matching)? */
function s3Matches(s: RuleScope, event: string, key: string): boolean {
  return s.events.some((e) => eventCovers(e, event)) && key.startsWith(s.prefix) && key.endsWith(s.suffix);
}

/** The message body S3 publishes (raw delivery passes it as is), with the key as a server encodes it. */
const body = (event: string, key: string) => ({ Records: [{ eventName: event.replace(/^s3:/, ''), s3: { object: { key } } }] });

describe('designFanOut', () => {
  it('replaces an overlapping rule by one topic rule with the widest common filter; each destination keeps exactly its scope', () => {
    const live = { QueueConfigurations: [rule('team-b', q('team-b'), 'incoming/', '')], EventBridgeConfiguration: {} };
    const result = designFanOut(input(live));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { design } = result;
    expect(design.mode).toBe('new-topic');
    expect(design.topicRule).toEqual({
      Id: FAN_OUT_RULE_ID,
      TopicArn: TOPIC,
      Events: ['s3:ObjectCreated:*'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
    });
    expect(design.notification).toEqual({ EventBridgeConfiguration: {}, TopicConfigurations: [design.topicRule] });
    expect(design.subscriptions.map((s) => [s.endpoint, s.ours])).toEqual([
      [q('team-b'), false],
      [q('ours'), true],
    ]);
    const theirs = design.subscriptions[0]?.filterPolicy;
    const mine = design.subscriptions[1]?.filterPolicy;
    expect(snsFilterMatches(theirs, body('s3:ObjectCreated:Put', 'incoming/a.json'))).toBe(true);
    expect(snsFilterMatches(mine, body('s3:ObjectCreated:Put', 'incoming/a.json'))).toBe(false);
    expect(snsFilterMatches(mine, body('s3:ObjectCreated:Put', 'incoming/a.csv'))).toBe(true);
    // S3's test event has no Records: no subscription receives it.
    expect(snsFilterMatches(theirs, { Service: 'Amazon S3', Event: 's3:TestEvent' })).toBe(false);
  });

  it('matches a key with a space, "=", "/" and a non-ASCII character however the server encodes it', () => {
    const live = { QueueConfigurations: [rule('team-b', q('team-b'), 'in dir/ä=b/', '')] };
    const result = designFanOut(input(live, ours('in dir/', '')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const theirs = result.design.subscriptions.find((s) => !s.ours)?.filterPolicy;
    for (const encode of [keyAsAwsSendsIt, keyAsMotoSendsIt]) {
      expect(snsFilterMatches(theirs, body('s3:ObjectCreated:Put', encode('in dir/ä=b/x y.csv')))).toBe(true);
      expect(snsFilterMatches(theirs, body('s3:ObjectCreated:Put', encode('in dir/other.csv')))).toBe(false);
    }
    expect(keyAsAwsSendsIt('dir/sub dir/a=b c+d.txt')).toBe('dir/sub+dir/a%3Db+c%2Bd.txt');
    expect(keyAsMotoSendsIt('dir/sub dir/a=b c+d.txt')).toBe('dir%2Fsub+dir%2Fa%3Db+c%2Bd.txt');
    expect(keyAsAwsSendsIt('ä')).toBe('%C3%A4');
  });

  it('reuses an existing topic rule that already covers our scope: only our subscription is added', () => {
    const existing = `arn:aws:sns:${REGION}:${ACCOUNT}:landing`;
    const live = { TopicConfigurations: [{ Id: 'landing', TopicArn: existing, Events: ['s3:ObjectCreated:*'] }] };
    const result = designFanOut(input(live, ours('incoming/', '')));
    expect(result.ok && result.design.mode).toBe('reuse-topic');
    if (!result.ok) return;
    expect(result.design.topicArn).toBe(existing);
    expect(result.design.notification).toBe(live);
    expect(result.design.subscriptions).toHaveLength(1);
  });

  it('absorbs a Lambda rule with a warning about the SNS envelope; refuses other accounts, other topics and filters SNS cannot express', () => {
    const fn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:thumbs`;
    const lambda = {
      LambdaFunctionConfigurations: [
        { Id: 'thumbs', LambdaFunctionArn: fn, Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } } },
      ],
    };
    const withLambda = designFanOut(input(lambda));
    expect(withLambda.ok).toBe(true);
    if (withLambda.ok) {
      expect(withLambda.design.subscriptions.find((s) => s.endpoint === fn)?.protocol).toBe('lambda');
      expect(withLambda.design.warnings.join()).toMatch(/inside an SNS message/);
    }
    const foreign = designFanOut(input({ QueueConfigurations: [rule('x', 'arn:aws:sqs:us-east-1:999999999999:x', 'incoming/', '')] }));
    expect(!foreign.ok && foreign.refusal.reasons.join()).toMatch(/another account or Region/);
    const otherTopic = designFanOut(
      input({
        TopicConfigurations: [
          {
            Id: 't',
            TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:t`,
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/2024/' }] } },
          },
        ],
      }),
    );
    expect(!otherTopic.ok && otherTopic.refusal.reasons.join()).toMatch(/cannot subscribe one topic to another/);
    const both = designFanOut(input({ QueueConfigurations: [rule('b', q('b'), 'incoming/', '')] }, ours('incoming/x/', '.csv')));
    expect(!both.ok && both.refusal.reasons.join()).toMatch(/cannot require both/);
  });

  it('keeps every other rule in its place, and absorbs a rule the wider topic rule would overlap', () => {
    const live = {
      QueueConfigurations: [rule('a', q('a'), 'logs/', ''), rule('b', q('b'), 'incoming/x/', ''), rule('c', q('c'), 'in', '.json')],
    };
    const result = designFanOut(input(live, ours('incoming/', '')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.design.absorbed.map((r) => r.label)).toEqual(['QueueConfiguration "b"', 'QueueConfiguration "c"']);
    expect(result.design.notification.QueueConfigurations).toEqual([rule('a', q('a'), 'logs/', '')]);
  });
});

/** Random documents S3 would accept (no two rules overlap), and our rule. */
const PREFIXES = ['', 'in', 'incoming/', 'incoming/x', 'incoming/2024/', 'logs/', 'a b/', 'ä/'];
const SUFFIXES = ['', '.csv', '.json', 'x.csv', '.gz'];
const EVENTS = [
  ['s3:ObjectCreated:*'],
  ['s3:ObjectCreated:Put'],
  ['s3:ObjectCreated:Put', 's3:ObjectCreated:Copy'],
  ['s3:ObjectRemoved:*'],
  ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'],
];
const scopeArb = fc.record({ prefix: fc.constantFrom(...PREFIXES), suffix: fc.constantFrom(...SUFFIXES), events: fc.constantFrom(...EVENTS) });
const docArb = fc.array(fc.tuple(scopeArb, fc.constantFrom('QueueConfiguration', 'LambdaFunctionConfiguration')), { maxLength: 6 }).map((rules) => {
  const accepted: Array<[RuleScope, string]> = [];
  for (const [s, kind] of rules) {
    const clash = accepted.some(
      ([a]) => sharedEventTypes(a.events, s.events).length > 0 && prefixesOverlap(a.prefix, s.prefix) && suffixesOverlap(a.suffix, s.suffix),
    );
    if (!clash) accepted.push([s, kind]);
  }
  const configs = accepted.map(([s, kind], i) => ({
    kind,
    config: rule(`r${i}`, kind === 'QueueConfiguration' ? q(`team-${i}`) : `arn:aws:lambda:${REGION}:${ACCOUNT}:function:f${i}`, s.prefix, s.suffix, s.events),
  }));
  const queues = configs.filter((c) => c.kind === 'QueueConfiguration').map((c) => c.config);
  const lambdas = configs.filter((c) => c.kind !== 'QueueConfiguration').map(({ config: { QueueArn, ...rest } }) => ({ ...rest, LambdaFunctionArn: QueueArn }));
  return {
    ...(queues.length ? { QueueConfigurations: queues } : {}),
    ...(lambdas.length ? { LambdaFunctionConfigurations: lambdas } : {}),
  } as BucketNotificationDocument;
});
const KEYS = ['incoming/a.csv', 'incoming/x/b.json', 'incoming/2024/c.csv', 'in.json', 'logs/d.gz', 'a b/e x.csv', 'ä/f=g.csv', 'incoming/x.csv', 'other'];
const EVENT_NAMES = ['s3:ObjectCreated:Put', 's3:ObjectCreated:Copy', 's3:ObjectCreated:Post', 's3:ObjectRemoved:Delete'];

describe('designFanOut over random rule sets', () => {
  it('loses no rule: each keeps exactly the events it received, ours gets exactly its own, and no two rules overlap', () => {
    let resolved = 0;
    fc.assert(
      fc.property(docArb, scopeArb, (live, mine) => {
        const oursRule = { ...ours(mine.prefix, mine.suffix), Events: mine.events };
        const result = designFanOut(input(live, oursRule));
        if (!result.ok) return true;
        const { design } = result;
        if (design.absorbed.length > 0) resolved++;
        const before = rulesOf(live);
        const after = rulesOf(design.notification);
        // Every rule is kept as it was, or absorbed; the new document has no overlapping pair.
        for (const r of before)
          expect(
            design.absorbed.some((a) => a.kind === r.kind && a.index === r.index) || after.some((a) => JSON.stringify(a.config) === JSON.stringify(r.config)),
          ).toBe(true);
        for (const [i, a] of after.entries())
          for (const b of after.slice(i + 1))
            expect(
              sharedEventTypes(a.scope.events, b.scope.events).length > 0 &&
                prefixesOverlap(a.scope.prefix, b.scope.prefix) &&
                suffixesOverlap(a.scope.suffix, b.scope.suffix),
            ).toBe(false);
        const topic = { events: design.topicRule.Events, ...keyOf(design.topicRule) };
        const targets = [
          ...design.absorbed.map((r) => ({ scope: r.scope, endpoint: r.destination })),
          { scope: { events: mine.events, prefix: mine.prefix, suffix: mine.suffix }, endpoint: q('ours') },
        ];
        for (const { scope, endpoint } of targets) {
          const sub = design.subscriptions.find((s) => s.endpoint === endpoint);
          expect(sub).toBeDefined();
          for (const key of KEYS)
            for (const event of EVENT_NAMES)
              for (const encode of [keyAsAwsSendsIt, keyAsMotoSendsIt]) {
                const delivered = s3Matches(topic, event, key) && snsFilterMatches(sub?.filterPolicy, body(event, encode(key)));
                expect(delivered, `${endpoint} ${event} ${key}`).toBe(s3Matches(scope, event, key));
              }
        }
        return true;
      }),
      { numRuns: 400, seed: 20261128 },
    );
    // Enough of the random overlaps are resolved for the property to say something.
    expect(resolved).toBeGreaterThan(60);
  });
});

function keyOf(config: { Filter?: { Key?: { FilterRules?: ReadonlyArray<{ Name: string; Value: string }> } } }) {
  const rules = config.Filter?.Key?.FilterRules ?? [];
  return {
    prefix: rules.find((r) => r.Name.toLowerCase() === 'prefix')?.Value ?? '',
    suffix: rules.find((r) => r.Name.toLowerCase() === 'suffix')?.Value ?? '',
  };
}
