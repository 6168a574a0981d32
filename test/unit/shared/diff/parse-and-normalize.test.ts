import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../../shared/diff/normalize-document';
import { parsePolicyDocument } from '../../../../shared/diff/parse-policy-document';
import { documentsEqual } from '../../../../shared/diff/semantic-form';
import { SEED_QUEUE_POLICY, SEED_TRUST_POLICY } from '../fixtures/seed-documents';

describe('parsePolicyDocument', () => {
  it('accepts an object, a JSON string and a URL-encoded JSON string (IAM GetRole)', () => {
    const json = JSON.stringify(SEED_TRUST_POLICY);
    for (const raw of [SEED_TRUST_POLICY, json, ` ${json}\n`, encodeURIComponent(json)]) {
      const parsed = parsePolicyDocument(raw);
      expect(parsed).toEqual({ ok: true, value: SEED_TRUST_POLICY });
    }
  });

  it('keeps a literal "+" in a URL-encoded document (RFC 3986, not form encoding)', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Sid: 'a+b', Effect: 'Allow', Action: '*', Resource: '*' }] };
    const parsed = parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)).replace('%2B', '+'));
    expect(parsed.ok && parsed.value['Statement']).toEqual(doc.Statement);
  });

  it('gives a clear error for invalid JSON, bad escapes, empty input and non-objects', () => {
    const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
      ['{"Version": ', /not valid JSON/],
      ['%7B%ZZ', /invalid "%" escape/],
      ['', /empty/],
      [null, /empty/],
      ['[1,2]', /JSON object/],
      [42, /not a number/],
      [[], /not a list/],
    ];
    for (const [raw, message] of cases) {
      const parsed = parsePolicyDocument(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('BAD_INPUT');
        expect(parsed.error.message).toMatch(message);
      }
    }
  });
});

describe('normalizeDocument', () => {
  it('orders keys as AWS documentation does, then alphabetically', () => {
    const normalised = normalizeDocument({ Statement: [{ Resource: 'r', zeta: 1, Action: 'a', Effect: 'Allow', alpha: 2 }], Version: 'v' });
    expect(JSON.stringify(normalised)).toBe('{"Version":"v","Statement":[{"Effect":"Allow","Action":"a","Resource":"r","alpha":2,"zeta":1}]}');
  });

  it('parses strings, lists a lone Statement object and drops the SDK $metadata', () => {
    const statement = SEED_QUEUE_POLICY.Statement[0];
    const lone = JSON.stringify({ ...SEED_QUEUE_POLICY, Statement: statement });
    expect(normalizeDocument(lone)).toEqual(normalizeDocument(SEED_QUEUE_POLICY));
    expect(normalizeDocument({ $metadata: { httpStatusCode: 200 }, QueueConfigurations: [] })).toEqual({ QueueConfigurations: [] });
    expect(normalizeDocument(null)).toBeNull();
    expect(normalizeDocument('not json')).toBe('not json');
  });
});

describe('documentsEqual', () => {
  it('treats one value and a one-element list as the same, and ignores key order and encoding', () => {
    const statement = SEED_QUEUE_POLICY.Statement[0];
    const variant = {
      Id: SEED_QUEUE_POLICY.Id,
      Version: '2012-10-17',
      Statement: {
        ...statement,
        Action: ['SQS:SendMessage'],
        Resource: [statement.Resource],
        Principal: { Service: ['s3.amazonaws.com'] },
        Condition: {
          StringEquals: { 'aws:SourceAccount': [SEED_QUEUE_POLICY.Statement[0].Condition.StringEquals['aws:SourceAccount']] },
          ArnLike: statement.Condition.ArnLike,
        },
      },
    };
    expect(documentsEqual(encodeURIComponent(JSON.stringify(variant)), SEED_QUEUE_POLICY)).toBe(true);
  });

  it('sees real differences', () => {
    const other = { ...SEED_QUEUE_POLICY, Statement: [{ ...SEED_QUEUE_POLICY.Statement[0], Resource: 'arn:aws:sqs:us-east-1:123456789012:other' }] };
    expect(documentsEqual(other, SEED_QUEUE_POLICY)).toBe(false);
    expect(documentsEqual({ ...SEED_QUEUE_POLICY, Id: 'x' }, SEED_QUEUE_POLICY)).toBe(false);
  });

  it('compares notification filter rule names case-insensitively and events as a set', () => {
    const ours = {
      QueueConfigurations: [
        {
          Id: 'q',
          QueueArn: 'a',
          Events: ['s3:ObjectCreated:Put', 's3:ObjectCreated:Post'],
          Filter: {
            Key: {
              FilterRules: [
                { Name: 'prefix', Value: 'in/' },
                { Name: 'suffix', Value: '.csv' },
              ],
            },
          },
        },
      ],
    };
    const asAwsReturnsIt = {
      QueueConfigurations: [
        {
          Id: 'q',
          QueueArn: 'a',
          Events: ['s3:ObjectCreated:Post', 's3:ObjectCreated:Put'],
          Filter: {
            Key: {
              FilterRules: [
                { Name: 'Suffix', Value: '.csv' },
                { Name: 'Prefix', Value: 'in/' },
              ],
            },
          },
        },
      ],
    };
    expect(documentsEqual(ours, asAwsReturnsIt)).toBe(true);
    expect(
      documentsEqual(
        { QueueConfigurations: [{ Id: 'q', QueueArn: 'a', Events: [], Filter: { Key: { FilterRules: [] } } }] },
        { QueueConfigurations: [{ Id: 'q', QueueArn: 'a', Events: [] }] },
      ),
    ).toBe(true);
    expect(documentsEqual({ QueueConfigurations: [] }, {})).toBe(true);
  });
});
