import { describe, expect, it } from 'vitest';
import { fingerprint, fnv1a64 } from '../../../../shared/diff/fingerprint';
import { SEED_QUEUE_POLICY, SEED_TRUST_POLICY } from '../fixtures/seed-documents';

describe('fingerprint', () => {
  it('implements FNV-1a 64 (reference vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(fnv1a64('é')).not.toBe(fnv1a64('e'));
  });

  it('is stable across encodings and key order, and differs for different documents', () => {
    const reordered = { Statement: SEED_QUEUE_POLICY.Statement, Version: '2012-10-17', Id: SEED_QUEUE_POLICY.Id };
    expect(fingerprint(SEED_QUEUE_POLICY)).toBe(fingerprint(reordered));
    expect(fingerprint(SEED_QUEUE_POLICY)).toBe(fingerprint(JSON.stringify(SEED_QUEUE_POLICY)));
    expect(fingerprint(SEED_TRUST_POLICY)).toBe(fingerprint(encodeURIComponent(JSON.stringify(SEED_TRUST_POLICY))));
    expect(fingerprint(SEED_QUEUE_POLICY)).not.toBe(fingerprint(SEED_TRUST_POLICY));
    expect(fingerprint(null)).toMatch(/^[0-9a-f]{16}$/);
  });
});
