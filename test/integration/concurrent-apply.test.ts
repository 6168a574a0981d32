import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { connectedApi } from '../support/configured-account';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const STEPS = ['queue', 'queuePolicy', 'bucketNotification', 'roleTrust', 'rolePermissions'] as const;

describe('a GUI apply and a CLI apply on the same setup at once', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('the drift guard stops the one that writes second, and nothing is lost', async () => {
    await createBucket(motoUrl, 'acme-raw');
    const other = await createQueueWithPolicy(motoUrl, 'others');
    await putNotification(motoUrl, 'acme-raw', { QueueConfigurations: [{ Id: 'others', QueueArn: other.arn, Events: ['s3:ObjectRemoved:*'] }] });
    const setup = sampleSetup();
    // The GUI session plans every step (the admin is reading the diffs)...
    const gui = await connectedApi(motoUrl);
    const plans = await Promise.all(STEPS.map((step) => gui.call('steps.plan', { setup, step }) as Promise<{ basis: string; action: string }>));
    // ...while a CLI apply of the same setup runs to the end.
    const dir = mkdtempSync(join(tmpdir(), 'wizard-concurrent-'));
    writeFileSync(join(dir, 'setup.json'), JSON.stringify(setup));
    const cli = await runCli(['apply', '--setup', join(dir, 'setup.json'), '--yes', '--skip-test'], { ...gui.env, SQS_S3_WIZARD_DATA_DIR: join(dir, 'data') });
    expect(cli.code, cli.stderr).toBe(0);
    // Now the admin confirms in the GUI: every step whose live document changed is refused, with nothing written.
    const outcomes = await Promise.all(
      STEPS.map(async (step, i) => {
        const r = await gui.dispatch({ channel: 'steps.apply', input: { setup, step, basis: plans[i]?.basis } });
        return r.ok ? 'applied' : r.error.code;
      }),
    );
    expect(outcomes).toEqual(['DRIFT', 'DRIFT', 'DRIFT', 'DRIFT', 'DRIFT']);
    const doc = await motoClients(motoUrl).s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'acme-raw' }));
    expect(doc.QueueConfigurations?.map((c) => c.Id)).toEqual(['others', 'acme-raw-s3-events']);
    // Planning again shows there is nothing left to do.
    const again = await Promise.all(STEPS.map((step) => gui.call('steps.plan', { setup, step }) as Promise<{ action: string }>));
    expect(again.map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
});
