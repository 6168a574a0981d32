import type { APIRequestContext } from '@playwright/test';
import type { Setup } from '../../shared/setup/setup';
import type { WebApp } from '../fixtures';
import { PLATFORM } from './wizard-driver';

/** The setup the specs use: the platform guide's shape, on the seeded bucket. */
export function testSetup(bucket: string, prefix = 'incoming/', suffix = '.csv'): Setup {
  return {
    name: bucket,
    region: 'us-east-1',
    bucket,
    prefix,
    suffix,
    queueName: `${bucket}-s3-events`,
    roleName: 'platform-s3-sqs-consumer-role',
    ...PLATFORM,
  };
}

/** Saves a setup through the web host's API (as the scope step would), so a spec can start without a connection. */
export async function saveSetup(request: APIRequestContext, app: WebApp, setup: Setup): Promise<void> {
  const res = await request.post(`http://127.0.0.1:${app.port}/api/invoke`, {
    headers: { authorization: `Bearer ${app.token}` },
    data: { channel: 'setups.save', input: { setup } },
  });
  const body = (await res.json()) as { ok: boolean; error?: unknown };
  if (!body.ok) throw new Error(`setups.save failed: ${JSON.stringify(body.error)}`);
}

/** One call of the web host's API as any front end makes it; the answer's envelope as is (`{ok, value}` or `{ok, error}`). */
export async function invoke(request: APIRequestContext, app: WebApp, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const res = await request.post(`http://127.0.0.1:${app.port}/api/invoke`, {
    headers: { authorization: `Bearer ${app.token}` },
    data: { channel, input },
  });
  return (await res.json()) as Record<string, unknown>;
}

/** A saved setup as the back end holds it. */
export async function savedSetup(request: APIRequestContext, app: WebApp, name: string): Promise<Setup> {
  const body = (await invoke(request, app, 'setups.get', { name })) as { ok: boolean; value?: { setup: Setup } };
  if (!body.ok || !body.value) throw new Error(`setups.get ${name} failed: ${JSON.stringify(body)}`);
  return body.value.setup;
}
