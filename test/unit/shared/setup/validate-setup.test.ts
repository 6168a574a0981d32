import { describe, expect, it } from 'vitest';
import { setupSchema } from '../../../../shared/setup/setup';
import { validateSetup } from '../../../../shared/setup/validate-setup';
import { SAMPLE_SETUP_FILE } from '../fixtures/sample-setup';

describe('validateSetup', () => {
  it('accepts a complete setup file and returns it typed', () => {
    const result = validateSetup(SAMPLE_SETUP_FILE);
    expect(result).toEqual({ ok: true, setup: SAMPLE_SETUP_FILE, warnings: [] });
  });

  it('accepts the two options beyond the platform guide', () => {
    const result = validateSetup({ ...SAMPLE_SETUP_FILE, objectReadScope: 'prefix', allowDeleteObject: true });
    expect(result.ok && result.setup.objectReadScope).toBe('prefix');
    expect(result.ok && result.setup.allowDeleteObject).toBe(true);
  });

  it('names each unknown key and each missing field individually', () => {
    const { bucket: _bucket, externalId: _externalId, ...partial } = SAMPLE_SETUP_FILE;
    const result = validateSetup({ ...partial, bukcet: 'acme-raw', color: 'blue' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((i) => [i.field, i.message]));
    expect(byField['bucket']).toMatch(/Missing field "bucket"/);
    expect(byField['externalId']).toMatch(/Missing field "externalId"/);
    expect(byField['bukcet']).toMatch(/Unknown key "bukcet".*spelling/);
    expect(byField['color']).toMatch(/Unknown key "color"/);
    expect(result.issues).toHaveLength(4);
  });

  it('reports every bad field with its rule, at once', () => {
    const result = validateSetup({ ...SAMPLE_SETUP_FILE, queueName: 'orders.fifo', bucket: 'Acme', externalId: 'x', region: 'EU' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual(['region', 'bucket', 'queueName', 'externalId']);
    expect(result.issues.find((i) => i.field === 'queueName')?.message).toMatch(/FIFO/);
  });

  it('explains wrong types, including the options', () => {
    const result = validateSetup({ ...SAMPLE_SETUP_FILE, prefix: 3, objectReadScope: 'all', allowDeleteObject: 'yes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((i) => [i.field, i.message]));
    expect(byField['prefix']).toMatch(/must be a string/);
    expect(byField['objectReadScope']).toMatch(/"bucket".*"prefix"/);
    expect(byField['allowDeleteObject']).toMatch(/true or false/);
  });

  it('refuses something that is not an object', () => {
    for (const input of [null, 'setup', [], 42]) {
      const result = validateSetup(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message).toMatch(/JSON object/);
    }
  });

  it('warns (not errors) when prefix and suffix are both empty', () => {
    const result = validateSetup({ ...SAMPLE_SETUP_FILE, prefix: '', suffix: '' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([{ field: 'prefix', message: expect.stringMatching(/every object/) }]);
  });

  it('refuses platform roles in another partition than the Region', () => {
    const result = validateSetup({ ...SAMPLE_SETUP_FILE, region: 'cn-north-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.field)).toEqual(['platformSetupRoleArn', 'platformLoadRoleArn']);
      expect(result.issues[0]?.message).toMatch(/partition "aws".*"aws-cn"/);
    }
  });

  it('setupSchema itself rejects unknown keys and bad values', () => {
    expect(setupSchema.safeParse({ ...SAMPLE_SETUP_FILE, extra: 1 }).success).toBe(false);
    expect(setupSchema.safeParse({ ...SAMPLE_SETUP_FILE, queueName: 'q.fifo' }).success).toBe(false);
    expect(setupSchema.safeParse(SAMPLE_SETUP_FILE).success).toBe(true);
  });
});
