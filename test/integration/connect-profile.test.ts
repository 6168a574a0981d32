import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import type { ApiEvent } from '../../shared/contract/api-events';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { freePort, resetMoto } from '../support/moto-server';

const motoUrl = inject('motoUrl');

function dispatcherFor(env: NodeJS.ProcessEnv) {
  const events: ApiEvent[] = [];
  const dispatch = createDispatcher({ handlers, workspace: new Workspace(env), frontEnd: 'cli', emit: (e) => events.push(e) });
  return { dispatch, events };
}

describe('profile step against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('lists profiles with their kinds and no secrets, preselecting AWS_PROFILE', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'profiles.list', input: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const listing = result.value as { profiles: Array<{ name: string; kind: string; mfaSerial: string | null }>; selected: string; endpoint: string };
    expect(listing.selected).toBe('moto');
    expect(listing.endpoint).toBe(motoUrl);
    expect(listing.profiles.map((p) => [p.name, p.kind])).toEqual([
      ['moto', 'static'],
      ['ops-mfa', 'assume-role'],
      ['sso-dev', 'sso'],
    ]);
    expect(listing.profiles.find((p) => p.name === 'ops-mfa')?.mfaSerial).toBe('arn:aws:iam::123456789012:mfa/admin');
    expect(JSON.stringify(listing)).not.toMatch(new RegExp(`${FAKE_KEYS.accessKeyId}|${FAKE_KEYS.secretAccessKey.slice(0, 12)}`));
  });

  it('connects and returns the account and ARN from sts:GetCallerIdentity, with progress events', async () => {
    const { dispatch, events } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'moto', region: 'us-east-1' }, operationId: 'op-1' });
    expect(result).toMatchObject({ ok: true, value: { accountId: '123456789012', profile: 'moto', region: 'us-east-1' } });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${FAKE_KEYS.accessKeyId}|${FAKE_KEYS.secretAccessKey.slice(0, 12)}`));
    expect(events.some((e) => e.operationId === 'op-1' && /GetCallerIdentity/.test(e.message))).toBe(true);
    const current = await dispatch({ channel: 'session.current', input: {} });
    expect(current).toMatchObject({ ok: true, value: { accountId: '123456789012' } });
  });

  it('asks for the MFA code of a profile with mfa_serial', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'ops-mfa', region: 'us-east-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
  });

  it('with an MFA code, assumes the role through moto', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'ops-mfa', region: 'us-east-1', mfaCode: '123456' } });
    expect(result).toMatchObject({ ok: true, value: { accountId: '123456789012' } });
  });

  it('shows the exact sso login command when the SSO token is missing', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'sso-dev', region: 'eu-west-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'SSO_LOGIN_REQUIRED', command: 'aws sso login --profile sso-dev' } });
  });

  it('names a profile that does not exist', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'nope', region: 'us-east-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toContain('nope');
  });

  it('says the endpoint is unreachable, naming it, without a stack trace', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const { dispatch } = dispatcherFor({ ...motoEnv(motoUrl), AWS_ENDPOINT_URL: dead });
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'moto', region: 'us-east-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'ENDPOINT_UNREACHABLE' } });
    if (!result.ok) {
      expect(result.error.message).toContain(dead);
      expect(JSON.stringify(result.error)).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a bad payload with a clear error value naming the field', async () => {
    const { dispatch } = dispatcherFor(motoEnv(motoUrl));
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'moto', region: 'Mars-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ field: 'region' }] } });
    expect(await dispatch({ channel: 'no.such', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('nonsense')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('uses AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const { dispatch } = dispatcherFor({ ...motoEnv(motoUrl), AWS_ENDPOINT_URL: dead, AWS_ENDPOINT_URL_STS: motoUrl });
    const result = await dispatch({ channel: 'session.connect', input: { profile: 'moto', region: 'us-east-1' } });
    expect(result).toMatchObject({ ok: true, value: { accountId: '123456789012' } });
  });
});
