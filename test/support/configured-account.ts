import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace } from '../../main/api/workspace';
import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import { motoEnv } from './aws-profile-files';
import { createBucket, sampleSetup } from './moto-seed';

/** A typed-enough API caller for tests: throws on an error value, naming it. */
export type TestCall = (channel: string, input: unknown) => Promise<never>;

/** Connects through the real dispatcher (as profile `moto`) with a fresh data directory. */
export async function connectedApi(motoUrl: string): Promise<{ call: TestCall; env: NodeJS.ProcessEnv; dispatch: ReturnType<typeof createDispatcher> }> {
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'wizard-data-')) };
  const dispatch = createDispatcher({ handlers, workspace: new Workspace(env), frontEnd: 'cli', emit: () => undefined });
  const call: TestCall = async (channel, input) => {
    const r = await dispatch({ channel, input });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as never;
  };
  await call('session.connect', { profile: 'moto', region: 'us-east-1' });
  return { call, env, dispatch };
}

/** Applies every step of a setup through the API (the same engine as the GUI and the CLI). */
export async function applyAll(call: TestCall, setup: object): Promise<void> {
  await call('setups.save', { setup });
  for (const step of AWS_STEP_IDS) {
    const plan = (await call('steps.plan', { setup, step })) as { basis: string; action: string; blocked: unknown };
    if (plan.blocked) throw new Error(`${step} blocked: ${JSON.stringify(plan.blocked)}`);
    if (plan.action !== 'unchanged') await call('steps.apply', { setup, step, basis: plan.basis });
  }
}

/** A bucket plus a fully applied setup on moto. */
export async function configuredAccount(motoUrl: string, overrides: Record<string, unknown> = {}) {
  const setup = sampleSetup(overrides);
  await createBucket(motoUrl, setup.bucket as string, setup.region as string);
  const api = await connectedApi(motoUrl);
  await applyAll(api.call, setup);
  return { ...api, setup };
}
