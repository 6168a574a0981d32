import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/api-error';
import { setupSchema } from '../../../shared/setup/setup';
import { applyStep } from '../../../main/steps/apply-step';
import { planStep } from '../../../main/steps/plan-step';
import { queuePolicyStep } from '../../../main/steps/definitions/queue-policy';
import { SAMPLE_SETUP_FILE } from '../shared/fixtures/sample-setup';
import { stubStepContext } from './stub-target';

// moto refuses a Policy attribute that is not JSON (HTTP 500), so this live document is only reachable with a stub;
// AWS itself validates the policy on write too, but a queue policy written by other tooling is read as plain text.
const sqs = mockClient(SQSClient);
const setup = setupSchema.parse(SAMPLE_SETUP_FILE);
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqs-s3-wizard-errors-'));
  sqs.on(GetQueueUrlCommand).resolves({ QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${setup.queueName}` });
});

afterEach(() => {
  sqs.reset();
  rmSync(dir, { recursive: true, force: true });
});

describe('a live queue policy that cannot be read', () => {
  it.each([
    ['invalid JSON', '{"Version": "2012-10-17", "Statement": [', /queue policy could not be read\. The document is not valid JSON/],
    ['a JSON list', '[{"Effect": "Allow"}]', /queue policy could not be read\. The document must be a JSON object/],
    ['a bad URL escape', '%7B%ZZ', /queue policy could not be read\. .*invalid "%" escape/],
    [
      'Statement as a string',
      '{"Version": "2012-10-17", "Statement": "Allow everything"}',
      /queue policy has a "Statement" that is neither an object nor a list/,
    ],
  ])('%s: the plan is blocked, naming the queue policy, and apply writes nothing', async (_name, policy, message) => {
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { Policy: policy } });
    const ctx = stubStepContext(setup, dir);
    const plan = await planStep(queuePolicyStep, ctx);
    expect(plan.action).toBe('blocked');
    expect(plan.blocked?.message).toMatch(message);
    expect(plan.blocked?.fix).toMatch(/AWS console/);
    const applied = applyStep(queuePolicyStep, ctx, plan.basis);
    await expect(applied).rejects.toBeInstanceOf(ApiFailure);
    await expect(applied).rejects.toMatchObject({ error: { message: expect.stringMatching(message) } });
    expect(sqs.commandCalls(SetQueueAttributesCommand)).toHaveLength(0);
    expect(readdirSync(dir)).not.toContain('backups');
  });
});
