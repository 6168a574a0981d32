import { beforeEach, describe, expect, inject, it } from 'vitest';
import { connectedApi } from '../support/configured-account';
import { createBucket, createQueueWithPolicy, putNotification, sampleSetup, queueExists as queueExistsIn } from '../support/moto-seed';
import { captureMotoState } from '../support/moto-state';
import { resetMoto } from '../support/moto-server';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();

/** Another team's rule that overlaps the setup's scope: the bucket notification step is blocked. */
async function seedOverlap(): Promise<void> {
  const importer = await createQueueWithPolicy(motoUrl, 'csv-importer');
  await putNotification(motoUrl, setup.bucket, {
    QueueConfigurations: [
      {
        Id: 'csv-importer-rule',
        QueueArn: importer.arn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
      },
    ],
  });
}

const queueExists = () => queueExistsIn(motoUrl, setup.queueName as string);

describe('the whole plan before the first write: no step is applied while another is blocked', () => {
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, setup.bucket);
  });

  it('steps.apply refuses every step while the notification is blocked, writes nothing, and applies once the blocker is gone', async () => {
    await seedOverlap();
    const { call, dispatch } = await connectedApi(motoUrl);
    await call('setups.save', { setup });
    const plans = (await call('steps.planAll', { setup })) as Array<{ step: string; action: string; basis: string }>;
    expect(plans.map((p) => [p.step, p.action])).toEqual([
      ['queue', 'create'],
      ['queuePolicy', 'create'],
      ['kmsKeyPolicy', 'unchanged'],
      ['snsFanOut', 'unchanged'],
      ['bucketNotification', 'blocked'],
      ['roleTrust', 'create'],
      ['rolePermissions', 'create'],
    ]);
    const before = await captureMotoState(motoUrl);
    // The queue step's own plan is fine: applying it anyway (as the GUI's stepper once allowed) is refused by the back end.
    const queuePlan = (await call('steps.plan', { setup, step: 'queue' })) as { action: string; basis: string };
    expect(queuePlan.action).toBe('create');
    const refused = await dispatch({ channel: 'steps.apply', input: { setup, step: 'queue', basis: queuePlan.basis } });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'BLOCKED',
        message: expect.stringMatching(/^SQS queue was not applied: 1 other step of this setup is blocked \(Bucket notification\).*csv-importer-rule/),
        fix: expect.stringContaining('Resolve Bucket notification first'),
      },
    });
    for (const plan of plans.filter((p) => p.action !== 'blocked')) {
      const result = await dispatch({ channel: 'steps.apply', input: { setup, step: plan.step, basis: plan.basis } });
      expect(result).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    }
    expect(await captureMotoState(motoUrl)).toEqual(before);
    expect(await queueExists()).toBe(false);

    // The other team moves its rule: nothing is blocked any more, and the step applies.
    await putNotification(motoUrl, setup.bucket, {});
    const again = (await call('steps.plan', { setup, step: 'queue' })) as { basis: string };
    expect(await dispatch({ channel: 'steps.apply', input: { setup, step: 'queue', basis: again.basis } })).toMatchObject({
      ok: true,
      value: { action: 'created' },
    });
    expect(await queueExists()).toBe(true);
  });
});
