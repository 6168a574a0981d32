import { describe, expect, it } from 'vitest';
import { parsePlatformValues } from '../../../renderer/src/scope/parse-platform-values';

const SETUP = 'arn:aws:iam::111122223333:role/platform-setup';
const LOAD = 'arn:aws:iam::111122223333:role/platform-load';

describe('parsePlatformValues', () => {
  it('reads the canonical keys', () => {
    const result = parsePlatformValues(JSON.stringify({ platformSetupRoleArn: SETUP, platformLoadRoleArn: LOAD, externalId: 'org-123' }));
    expect(result).toEqual({
      ok: true,
      values: { platformSetupRoleArn: SETUP, platformLoadRoleArn: LOAD, externalId: 'org-123' },
      found: ['platformSetupRoleArn', 'platformLoadRoleArn', 'externalId'],
    });
  });

  it('accepts other spellings, case-insensitively, ignoring _ and -', () => {
    const result = parsePlatformValues(JSON.stringify({ SETUP_ROLE_ARN: SETUP, 'load-role-arn': LOAD, Organization_Id: 'org-9' }));
    expect(result.ok && result.values).toEqual({ platformSetupRoleArn: SETUP, platformLoadRoleArn: LOAD, externalId: 'org-9' });
  });

  it('reads orgId given as a number and values in a nested object', () => {
    const result = parsePlatformValues(JSON.stringify({ dataSource: { setupRoleArn: SETUP, orgId: 12345 } }));
    expect(result).toEqual({ ok: true, values: { platformSetupRoleArn: SETUP, externalId: '12345' }, found: ['platformSetupRoleArn', 'externalId'] });
  });

  it('trims values and ignores empty ones', () => {
    const result = parsePlatformValues(JSON.stringify({ loadRoleArn: `  ${LOAD} `, externalId: '  ' }));
    expect(result).toEqual({ ok: true, values: { platformLoadRoleArn: LOAD }, found: ['platformLoadRoleArn'] });
  });

  it('explains invalid JSON, a non-object and an object without known keys', () => {
    const bad = parsePlatformValues('{"externalId": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/not valid JSON/);
    const array = parsePlatformValues('["a"]');
    expect(!array.ok && array.message).toMatch(/Expected a JSON object/);
    const none = parsePlatformValues('{"foo": 1}');
    expect(!none.ok && none.message).toMatch(/No known keys/);
    const empty = parsePlatformValues('   ');
    expect(!empty.ok && empty.message).toMatch(/Nothing pasted/);
  });
});
