import { describe, expect, it } from 'vitest';
import { offlineStepContext } from '../../../main/export/offline-step-context';
import { definitionOfBackupKind, STEP_DEFINITIONS } from '../../../main/steps/step-registry';
import { setupSchema } from '../../../shared/setup/setup';
import { APPLY_CHAINS, AWS_STEP_IDS, AWS_STEPS, awsStepOfBackupKind, BACKUP_KINDS, titleInSentence } from '../../../shared/steps/aws-steps';
import { SAMPLE_SETUP_FILE } from '../shared/fixtures/sample-setup';

const ctx = offlineStepContext(setupSchema.parse(SAMPLE_SETUP_FILE), '123456789012');

describe('the AWS step registry: each step defined once, everything else derived', () => {
  it('has one definition per step id, under its own id', () => {
    expect(Object.keys(STEP_DEFINITIONS).sort()).toEqual([...AWS_STEP_IDS].sort());
    for (const id of AWS_STEP_IDS) expect(STEP_DEFINITIONS[id].id).toBe(id);
  });

  it('gives every step its own backup kind, and each kind leads back to its step (restore)', () => {
    expect(new Set(BACKUP_KINDS).size).toBe(AWS_STEP_IDS.length);
    for (const id of AWS_STEP_IDS) {
      expect(awsStepOfBackupKind(AWS_STEPS[id].backupKind)).toBe(id);
      expect(definitionOfBackupKind(AWS_STEPS[id].backupKind)?.id).toBe(id);
    }
    expect(definitionOfBackupKind('lambda-policy')).toBeNull();
  });

  it('names an IAM action for every write, in service:Action form', () => {
    for (const id of AWS_STEP_IDS) for (const action of Object.values(AWS_STEPS[id].writeAction)) expect(action, id).toMatch(/^(sqs|s3|iam|kms|sns):[A-Z]\w+$/);
  });

  it('proposes each step offline, from the live state it assumes when nothing exists yet', () => {
    for (const id of AWS_STEP_IDS) {
      const def = STEP_DEFINITIONS[id];
      const live = def.offlineLive(ctx);
      expect(live.resource, id).toBe(def.resource(ctx));
      const proposal = def.propose(live, ctx);
      expect(proposal.ok, id).toBe(true);
      // Offline the queue's KMS key and the bucket's rules are unknown: those steps propose nothing and say why.
      expect(proposal.ok && proposal.changed, id).toBe(id !== 'kmsKeyPolicy' && id !== 'snsFanOut');
    }
    const kms = STEP_DEFINITIONS.kmsKeyPolicy.propose(STEP_DEFINITIONS.kmsKeyPolicy.offlineLive(ctx), ctx);
    expect(kms.ok && kms.notes.join(' ')).toContain("an offline export cannot read the queue's key");
  });

  it('names a step inside a sentence in lower case, keeping acronyms', () => {
    expect(titleInSentence('queuePolicy')).toBe('queue policy');
    expect(titleInSentence('kmsKeyPolicy')).toBe('KMS key policy');
    expect(titleInSentence('queue')).toBe('SQS queue');
  });
});

describe('APPLY_CHAINS', () => {
  it('holds every step exactly once, each chain in the order of AWS_STEP_IDS', () => {
    expect([...APPLY_CHAINS.flat()].sort()).toEqual([...AWS_STEP_IDS].sort());
    for (const chain of APPLY_CHAINS) expect(chain).toEqual(AWS_STEP_IDS.filter((id) => chain.includes(id)));
    // S3 validates the bucket's destinations when the notification is put: everything it checks comes first.
    const queueChain = APPLY_CHAINS.find((c) => c.includes('bucketNotification')) ?? [];
    expect(queueChain.slice(0, -1)).toEqual(['queue', 'queuePolicy', 'kmsKeyPolicy', 'snsFanOut']);
  });
});
