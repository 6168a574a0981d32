import { describe, expect, it } from 'vitest';
import { matchConditions } from '../../../../shared/policy-eval/match-conditions';
import { arnMatch, wildcardMatch } from '../../../../shared/policy-eval/wildcard-match';

describe('wildcardMatch', () => {
  it('supports * and ?, optionally ignoring case', () => {
    expect(wildcardMatch('sqs:*', 'sqs:SendMessage')).toBe(true);
    expect(wildcardMatch('sqs:Send*', 'sqs:SendMessage')).toBe(true);
    expect(wildcardMatch('sqs:Send*', 'sqs:ReceiveMessage')).toBe(false);
    expect(wildcardMatch('s?s:*', 'sqs:X')).toBe(true);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a*b*c', 'aXXbYYc')).toBe(true);
    expect(wildcardMatch('a*b*c', 'aXXbYY')).toBe(false);
    expect(wildcardMatch('SQS:send*', 'sqs:SendMessage')).toBe(false);
    expect(wildcardMatch('SQS:send*', 'sqs:SendMessage', true)).toBe(true);
    expect(wildcardMatch('a*', 'a*')).toBe(true);
  });

  it('matches ARNs part by part', () => {
    expect(arnMatch('arn:aws:s3:::acme-*', 'arn:aws:s3:::acme-raw')).toBe(true);
    expect(arnMatch('arn:aws:s3:::*', 'arn:aws:s3:::acme-raw')).toBe(true);
    expect(arnMatch('arn:*:s3:::acme-raw', 'arn:aws-cn:s3:::acme-raw')).toBe(true);
    expect(arnMatch('arn:aws:s3:::other', 'arn:aws:s3:::acme-raw')).toBe(false);
    expect(arnMatch('*', 'arn:aws:s3:::acme-raw')).toBe(true);
  });
});

describe('matchConditions', () => {
  const context = { 'aws:SourceArn': 'arn:aws:s3:::acme-raw', 'aws:SourceAccount': '123456789012' };

  it('evaluates the string and ARN operators and their negations', () => {
    const cases: ReadonlyArray<readonly [Record<string, Record<string, string | string[]>>, 'true' | 'false']> = [
      [{ StringEquals: { 'aws:SourceAccount': '123456789012' } }, 'true'],
      [{ StringEquals: { 'aws:SourceAccount': ['1', '123456789012'] } }, 'true'],
      [{ StringEquals: { 'aws:SourceAccount': '999999999999' } }, 'false'],
      [{ StringNotEquals: { 'aws:SourceAccount': '999999999999' } }, 'true'],
      [{ StringLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } }, 'true'],
      [{ StringNotLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-*' } }, 'false'],
      [{ ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::acme-raw' } }, 'true'],
      [{ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::other' } }, 'false'],
      [{ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::other' } }, 'true'],
      [{ ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, 'false'],
      [{ StringEqualsIgnoreCase: { 'AWS:SOURCEACCOUNT': '123456789012' } }, 'true'],
      [{ 'ForAnyValue:StringEquals': { 'aws:SourceAccount': '123456789012' } }, 'true'],
      [{ 'ForAllValues:StringLike': { 'aws:SourceArn': 'arn:aws:s3:::other*' } }, 'false'],
    ];
    for (const [condition, result] of cases) expect(matchConditions(condition, context).result, JSON.stringify(condition)).toBe(result);
  });

  it('treats missing keys as IAM does: IfExists and negated operators hold, others fail', () => {
    expect(matchConditions({ StringEquals: { 'sts:ExternalId': 'x' } }, {}).result).toBe('false');
    expect(matchConditions({ StringEqualsIfExists: { 'sts:ExternalId': 'x' } }, {}).result).toBe('true');
    expect(matchConditions({ StringEqualsIfExists: { 'sts:ExternalId': 'x' } }, { 'sts:ExternalId': 'y' }).result).toBe('false');
    expect(matchConditions({ ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::acme-raw' } }, context).result).toBe('true');
    expect(matchConditions({ StringNotEquals: { 'sts:ExternalId': 'x' } }, {}).result).toBe('true');
    expect(matchConditions({ Null: { 'sts:ExternalId': 'true' } }, {}).result).toBe('true');
    expect(matchConditions({ Null: { 'sts:ExternalId': 'false' } }, {}).result).toBe('false');
  });

  it('reports operators it does not model as unknown, and still fails on a false one', () => {
    expect(matchConditions({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, context)).toEqual({
      result: 'unknown',
      detail: 'condition operator IpAddress is not evaluated here',
    });
    expect(matchConditions({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:SourceAccount': '1' } }, context).result).toBe('false');
  });
});
