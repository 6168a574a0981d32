import { describe, expect, it } from 'vitest';
import { matchConditions } from '../../../../shared/policy-eval/match-conditions';
import { arnMatch, arnPattern, expandVariables, plainPattern, wildcardMatch, type Pattern } from '../../../../shared/policy-eval/pattern';
import { contextOf } from '../../../../shared/policy-eval/request-context';

const ctx = contextOf({
  'aws:SourceArn': 'arn:aws:s3:::acme-raw',
  'aws:SourceAccount': '123456789012',
  'aws:PrincipalAccount': '123456789012',
  'aws:ResourceAccount': '123456789012',
  'aws:SecureTransport': 'true',
  'aws:CurrentTime': '2026-11-28T12:00:00.000Z',
});
const result = (condition: unknown, effect: 'Allow' | 'Deny' = 'Allow', context = ctx) => matchConditions(condition, context, effect).result;

describe('wildcards and ARNs', () => {
  it('matches * and ? anywhere in plain values, optionally without case (actions)', () => {
    expect(wildcardMatch(plainPattern('sqs:Send*'), 'sqs:SendMessage')).toBe(true);
    expect(wildcardMatch(plainPattern('s?s:*'), 'sqs:X')).toBe(true);
    expect(wildcardMatch(plainPattern('SQS:send*'), 'sqs:SendMessage')).toBe(false);
    expect(wildcardMatch(plainPattern('SQS:send*'), 'sqs:SendMessage', true)).toBe(true);
  });

  it('matches ARNs segment by segment; a trailing * of a segment may run past colons', () => {
    const arn = (p: string, v: string) => arnMatch(plainPattern(p), v);
    expect(arn('arn:aws:s3:::acme-*', 'arn:aws:s3:::acme-raw')).toBe(true);
    expect(arn('arn:*:s3:::acme-raw', 'arn:aws-cn:s3:::acme-raw')).toBe(true);
    expect(arn('arn:aws:sqs:*:123456789012:*', 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(true);
    expect(arn('arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(true);
    expect(arn('arn:aws:sqs:us-east-?:123456789012:q', 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(true);
    expect(arn('arn:aws:sqs:us-east-1:1234?:q', 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(false);
    expect(arn('arn:aws:s3:::other', 'arn:aws:s3:::acme-raw')).toBe(false);
  });

  it('reports a match that needs another case of partition/service/Region/account as case-only (undocumented)', () => {
    expect(arnMatch(plainPattern('arn:aws:SQS:us-east-1:123456789012:q'), 'arn:aws:sqs:us-east-1:123456789012:q')).toBe('case-only');
    expect(arnMatch(plainPattern('arn:aws:sqs:us-east-1:123456789012:Q'), 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(false);
  });
});

describe('policy variables', () => {
  const text = (p: ReturnType<typeof expandVariables>) => (Array.isArray(p) ? (p as Pattern).map((x) => x.text).join('') : p);

  it('puts request values, defaults and the special characters in', () => {
    expect(text(expandVariables('${aws:PrincipalAccount}', ctx))).toBe('123456789012');
    expect(text(expandVariables("x-${aws:username, 'nobody'}", ctx))).toBe('x-nobody');
    expect(text(expandVariables('a${*}b${?}c${$}', ctx))).toBe('a*b?c$');
    // ${*} is a literal star, not a wildcard.
    const star = expandVariables('a${*}', ctx) as Pattern;
    expect(wildcardMatch(star, 'a*')).toBe(true);
    expect(wildcardMatch(star, 'ab')).toBe(false);
  });

  it('an absent key makes the value match nothing; a key the check cannot know makes it depend', () => {
    expect(expandVariables('${aws:username}', ctx)).toBeNull();
    expect(expandVariables('${aws:PrincipalOrgID}', ctx)).toMatchObject({ unknown: true, kind: 'depends' });
  });

  it('in ARNs only the resource part takes variables; before it they stay as written', () => {
    expect(text(arnPattern('arn:aws:s3:::acme-raw/${aws:PrincipalAccount}/*', ctx).pattern)).toBe('arn:aws:s3:::acme-raw/123456789012/*');
    const prefixed = arnPattern('arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q', ctx);
    expect(prefixed.variableInPrefix).toBe(true);
    expect(arnMatch(prefixed.pattern as Pattern, 'arn:aws:sqs:us-east-1:123456789012:q')).toBe(false);
  });

  it('variables are literal text in a condition of a policy without Version 2012-10-17', () => {
    const literal = { ...ctx, literalVariables: true };
    expect(result({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } })).toBe(true);
    expect(result({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } }, 'Allow', literal)).toBe(false);
  });
});

describe('conditions', () => {
  it('evaluates the string, ARN and Bool operators and their negations', () => {
    const cases: ReadonlyArray<readonly [Record<string, Record<string, string | string[]>>, boolean]> = [
      [{ StringEquals: { 'aws:SourceAccount': ['1', '123456789012'] } }, true],
      [{ StringNotEquals: { 'aws:SourceAccount': '999999999999' } }, true],
      [{ StringEqualsIgnoreCase: { 'AWS:SOURCEACCOUNT': '123456789012' } }, true],
      [{ StringLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } }, true],
      [{ StringNotLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } }, false],
      [{ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::other' } }, false],
      [{ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::other' } }, true],
      [{ Bool: { 'aws:SecureTransport': 'true' } }, true],
      [{ Bool: { 'aws:SecureTransport': 'false' } }, false],
      [{ StringEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' } }, true],
      [{ DateLessThan: { 'aws:CurrentTime': '2100-01-01T00:00:00Z' } }, true],
      [{ DateGreaterThan: { 'aws:CurrentTime': '2100-01-01T00:00:00Z' } }, false],
    ];
    for (const [condition, want] of cases) expect(result(condition), JSON.stringify(condition)).toBe(want);
  });

  it('set operators on a missing key: ForAllValues is true, ForAnyValue false (IAM User Guide)', () => {
    expect(result({ 'ForAllValues:StringEquals': { 's3:prefix': 'team' } }, 'Allow', contextOf({}))).toBe(true);
    expect(result({ 'ForAnyValue:StringEquals': { 's3:prefix': 'x' } })).toBe(false);
    expect(result({ 'ForAllValues:StringLike': { 'aws:SourceArn': 'arn:aws:s3:::other*' } })).toBe(false);
  });

  it('missing keys: IfExists and negated operators hold, others fail; Null with "true" and "false" always holds', () => {
    expect(result({ StringEquals: { 'sts:ExternalId': 'x' } })).toBe(false);
    expect(result({ StringEqualsIfExists: { 'sts:ExternalId': 'x' } })).toBe(true);
    expect(result({ StringNotEquals: { 'sts:ExternalId': 'x' } })).toBe(true);
    expect(result({ Null: { 'sts:ExternalId': 'true' } })).toBe(true);
    expect(result({ Null: { 'sts:ExternalId': 'false' } })).toBe(false);
    expect(result({ Null: { 'sts:ExternalId': ['true', 'false'] } })).toBe(true);
  });

  it('a variable the request cannot fill never holds, negated or not', () => {
    expect(result({ StringEquals: { 'aws:SourceAccount': '${aws:username}' } })).toBe(false);
    expect(result({ StringNotEquals: { 'aws:SourceAccount': '${aws:username}' } })).toBe(false);
  });

  it('a key the check cannot know makes the answer depend on it, naming the key', () => {
    const r = matchConditions({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ctx, 'Deny');
    expect(r.result).toMatchObject({ unknown: true, kind: 'depends' });
    expect(r.detail).toMatch(/depends on the network \(aws:SourceIp\)/);
    expect(result({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })).toMatchObject({ kind: 'depends' });
  });

  it('operators it does not evaluate are "cannot evaluate", naming the operator; a false key still decides', () => {
    const r = matchConditions({ NumericLessThan: { 'aws:EpochTime': '1' } }, contextOf({ 'aws:EpochTime': '5' }), 'Allow');
    expect(r.result).toMatchObject({ unknown: true, kind: 'cannot-evaluate' });
    expect(r.detail).toMatch(/NumericLessThan is not evaluated/);
    expect(result({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, 'Allow', contextOf({ 'aws:TokenIssueTime': 'x' }))).toMatchObject({
      kind: 'cannot-evaluate',
    });
    expect(
      result(
        { NumericLessThan: { 'aws:EpochTime': '1' }, StringEquals: { 'aws:SourceAccount': '1' } },
        'Allow',
        contextOf({ 'aws:EpochTime': '5', 'aws:SourceAccount': '2' }),
      ),
    ).toBe(false);
  });

  it('an ARN value of fewer than six parts, or one matching only in another case, is decided the safe way and noted', () => {
    const short = matchConditions({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3' } }, ctx, 'Allow');
    expect(short.result).toBe(false);
    expect(short.caveats.join()).toMatch(/fewer than six ARN parts/);
    expect(result({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3' } }, 'Deny')).toBe(true);
    const cased = matchConditions({ ArnEquals: { 'aws:SourceArn': 'arn:aws:S3:::acme-raw' } }, ctx, 'Allow');
    expect(cased.result).toBe(false);
    expect(cased.caveats.join()).toMatch(/uncertain/);
    expect(result({ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:S3:::acme-raw' } }, 'Deny')).toBe(true);
  });
});
