import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueueConfiguration } from '../../../../shared/policy/build-bucket-notification';
import { buildQueuePolicy } from '../../../../shared/policy/build-queue-policy';
import { buildTrustPolicy } from '../../../../shared/policy/build-trust-policy';
import { mergeBucketNotification } from '../../../../shared/policy/merge-bucket-notification';
import { mergeQueuePolicy } from '../../../../shared/policy/merge-queue-policy';
import { mergeTrustPolicy } from '../../../../shared/policy/merge-trust-policy';
import { SAMPLE } from '../fixtures/sample-setup';

// Random live documents, including configurations and statements that collide with ours by Id/Sid or by scope.

const short = (chars: string) => fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength: 3 });
const events = fc.uniqueArray(
  fc.constantFrom('s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectRemoved:*', 's3:ObjectTagging:*', 's3:ObjectRestore:*', 's3:ObjectAcl:Put'),
  {
    minLength: 1,
    maxLength: 2,
  },
);
const filter = fc.option(
  fc.record({
    Key: fc.record({
      FilterRules: fc.tuple(short('in/x'), short('.cvx')).map(([p, s]) => [
        { Name: 'Prefix', Value: p },
        { Name: 'Suffix', Value: s },
      ]),
    }),
  }),
  { nil: undefined, freq: 6 },
);
const configuration = (arnKey: string, arn: fc.Arbitrary<string>) =>
  fc.record({ [arnKey]: arn, Events: events, Filter: filter }, { requiredKeys: [arnKey, 'Events'] });

const ours = buildQueueConfiguration({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, prefix: 'in/', suffix: '.csv' });

const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', SAMPLE.queueName), { maxLength: 6 });

const notificationDoc = fc
  .record({
    ids,
    queues: fc.array(
      configuration(
        'QueueArn',
        fc.oneof({ weight: 14, arbitrary: fc.constant('arn:aws:sqs:us-east-1:123456789012:other') }, { weight: 1, arbitrary: fc.constant(SAMPLE.queueArn) }),
      ),
      { maxLength: 6 },
    ),
    oursAt: fc.option(fc.nat(6), { nil: undefined }),
    topics: fc.array(configuration('TopicArn', fc.constant('arn:aws:sns:us-east-1:123456789012:t')), { maxLength: 3 }),
    lambdas: fc.array(configuration('LambdaFunctionArn', fc.constant('arn:aws:lambda:us-east-1:123456789012:function:f')), { maxLength: 3 }),
    eventBridge: fc.boolean(),
  })
  .map(({ ids, queues, topics, lambdas, eventBridge, oursAt }) => {
    const pool = [...ids];
    const withId = <T extends object>(c: T) => {
      const Id = pool.shift();
      return Id === undefined ? c : { Id, ...c };
    };
    const doc: Record<string, unknown> = {};
    const queueList: unknown[] = queues.map(withId);
    if (oursAt !== undefined)
      queueList.splice(oursAt, 0, {
        ...ours,
        Filter: {
          Key: {
            FilterRules: [
              { Name: 'Suffix', Value: '.csv' },
              { Name: 'Prefix', Value: 'in/' },
            ],
          },
        },
      });
    if (queueList.length > 0) doc['QueueConfigurations'] = queueList;
    if (topics.length > 0) doc['TopicConfigurations'] = topics.map(withId);
    if (lambdas.length > 0) doc['LambdaFunctionConfigurations'] = lambdas.map(withId);
    if (eventBridge) doc['EventBridgeConfiguration'] = {};
    return doc;
  });

function others(doc: Record<string, unknown>): ReadonlyArray<unknown> {
  const list = (key: string): ReadonlyArray<Record<string, unknown>> => (doc[key] as ReadonlyArray<Record<string, unknown>> | undefined) ?? [];
  return [
    ...list('QueueConfigurations').filter((c) => c['Id'] !== SAMPLE.queueName),
    ...list('TopicConfigurations'),
    ...list('LambdaFunctionConfigurations'),
    doc['EventBridgeConfiguration'],
  ];
}

describe('mergeBucketNotification properties', () => {
  it('never drops or alters another configuration, keeps their order, and is idempotent', () => {
    fc.assert(
      fc.property(notificationDoc, (current) => {
        const result = mergeBucketNotification(current, ours);
        if (!result.ok) {
          expect(result.error.code).toBe('CONFLICT');
          return;
        }
        expect(others(result.document as Record<string, unknown>)).toEqual(others(current));
        const queues = result.document.QueueConfigurations ?? [];
        expect(queues.filter((c) => c.Id === SAMPLE.queueName)).toHaveLength(1);
        const again = mergeBucketNotification(result.document, ours);
        expect(again).toMatchObject({ ok: true, changed: false, document: result.document });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every document that shares no event type with ours (no false conflicts)', () => {
    fc.assert(
      fc.property(notificationDoc, (current) => {
        const disjoint = { ...ours, Id: 'zz-unique', QueueArn: 'arn:aws:sqs:us-east-1:123456789012:zz', Events: ['s3:Replication:OperationFailedReplication'] };
        expect(mergeBucketNotification(current, disjoint).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

const statementBody = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.constantFrom<unknown>('*', { AWS: 'arn:aws:iam::123456789012:role/ops' }, { Service: 's3.amazonaws.com' }),
  Action: fc.constantFrom<unknown>('sqs:SendMessage', ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], 'sts:AssumeRole'),
});
const statement = (sids: fc.Arbitrary<string>) => fc.tuple(sids, statementBody).map(([Sid, body]) => ({ Sid, ...body }));

const policyDoc = (ourSids: ReadonlyArray<string>) =>
  fc
    .record({
      statements: fc.uniqueArray(statement(fc.constantFrom('Ops', 'Audit', 'Legacy', 'X1', 'X2', ...ourSids)), { selector: (s) => s.Sid, maxLength: 6 }),
      unnamed: fc.array(statementBody, { maxLength: 2 }),
      id: fc.option(fc.constant('their-id'), { nil: undefined }),
      asObject: fc.boolean(),
      asString: fc.boolean(),
    })
    .map(({ statements, unnamed, id, asObject, asString }) => {
      const all = [...statements, ...unnamed];
      const doc = { Version: '2012-10-17', ...(id ? { Id: id } : {}), Statement: asObject && all.length === 1 ? all[0] : all };
      return { doc, raw: asString ? JSON.stringify(doc) : doc };
    });

function statementList(doc: Record<string, unknown>): ReadonlyArray<Record<string, unknown>> {
  const s = doc['Statement'];
  return (Array.isArray(s) ? s : [s]) as ReadonlyArray<Record<string, unknown>>;
}

describe.each([
  [
    'mergeQueuePolicy',
    mergeQueuePolicy,
    buildQueuePolicy({ queueName: SAMPLE.queueName, queueArn: SAMPLE.queueArn, bucket: SAMPLE.bucket, accountId: SAMPLE.accountId }),
  ],
  ['mergeTrustPolicy', mergeTrustPolicy, buildTrustPolicy(SAMPLE)],
] as const)('%s properties', (_name, merge, ours) => {
  const ourSids = ours.Statement.map((s) => s.Sid ?? '');
  it('keeps every other statement unchanged and in order, plus Id and Version, and is idempotent', () => {
    fc.assert(
      fc.property(policyDoc(ourSids), ({ doc, raw }) => {
        const result = merge(raw, ours);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const isOurs = (s: Record<string, unknown>) => ourSids.includes(String(s['Sid']));
        expect(statementList(result.document).filter((s) => !isOurs(s))).toEqual(statementList(doc).filter((s) => !isOurs(s)));
        expect(
          statementList(result.document)
            .filter(isOurs)
            .map((s) => s['Sid']),
        ).toHaveLength(ourSids.length);
        expect(result.document['Id']).toBe(doc.Id ?? ('Id' in ours ? ours.Id : undefined));
        expect(result.document['Version']).toBe('2012-10-17');
        const again = merge(JSON.stringify(result.document), ours);
        expect(again).toMatchObject({ ok: true, changed: false, document: result.document });
      }),
      { numRuns: 300 },
    );
  });
});
