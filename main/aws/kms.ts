import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { partitionOfRegion } from '../../shared/policy/arns';
import type { AwsTarget } from './client-config';
import { awsFailure, isAwsError, serviceClient } from './clients';

/** The target's KMS client and the package's commands, loaded on first use: only a queue encrypted with a KMS key needs it. */
async function kms(target: AwsTarget) {
  const sdk = await import('@aws-sdk/client-kms');
  return { sdk, client: serviceClient(target, 'KMS', (config) => new sdk.KMSClient(config)) };
}

/** Who manages a KMS key (DescribeKey KeyManager): AWS for an AWS managed key such as alias/aws/sqs, whose policy cannot be changed. */
export type KeyManager = 'AWS' | 'CUSTOMER';

/** What DescribeKey says about a key the queue names: its ARN (what GetKeyPolicy and PutKeyPolicy need), manager and state. */
export interface KmsKeyInfo {
  readonly keyArn: string;
  readonly keyManager: KeyManager;
  /** Enabled, Disabled, PendingDeletion, ... (S3 can use only an enabled key). */
  readonly keyState: string;
}

/** The only key policy name KMS knows ("The only valid value is default": GetKeyPolicy and PutKeyPolicy API reference). */
const POLICY_NAME = 'default';

/** KMS's answer for a key id, alias or ARN that names no key it can show (DescribeKey, GetKeyPolicy errors). */
const NO_SUCH_KEY = ['NotFoundException'];

/** The ARN an IAM policy names for a key given by id, alias or ARN (the account is not known before DescribeKey answers). */
function keyArnGuess(target: AwsTarget, keyId: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  const resource = keyId.startsWith('alias/') ? keyId : `key/${keyId}`;
  return `arn:${partitionOfRegion(target.region)}:kms:${target.region}:*:${resource}`;
}

/** Resolves a key id, alias or ARN (what a queue's KmsMasterKeyId holds) to the key; null when KMS knows no such key. */
export async function describeKey(target: AwsTarget, keyId: string, signal?: AbortSignal): Promise<KmsKeyInfo | null> {
  try {
    const { client, sdk } = await kms(target);
    const out = await client.send(new sdk.DescribeKeyCommand({ KeyId: keyId }), { abortSignal: signal });
    const meta = out.KeyMetadata;
    if (!meta?.Arn) return null;
    return { keyArn: meta.Arn, keyManager: meta.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER', keyState: meta.KeyState ?? 'Enabled' };
  } catch (err) {
    if (isAwsError(err, NO_SUCH_KEY)) return null;
    throw awsFailure(err, 'kms:DescribeKey', keyArnGuess(target, keyId));
  }
}

/** The key policy as JSON text (GetKeyPolicy, policy name "default"); `keyArn` is a key id or ARN, never an alias (the API refuses aliases). */
export async function getKeyPolicy(target: AwsTarget, keyArn: string, signal?: AbortSignal): Promise<string> {
  try {
    const { client, sdk } = await kms(target);
    const out = await client.send(new sdk.GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: POLICY_NAME }), { abortSignal: signal });
    return out.Policy ?? '';
  } catch (err) {
    if (isAwsError(err, NO_SUCH_KEY)) {
      throw new ApiFailure(apiError('NOT_FOUND', `KMS key ${keyArn} does not exist (it may have just been deleted).`, { fix: 'Plan again.' }));
    }
    throw awsFailure(err, 'kms:GetKeyPolicy', keyArn);
  }
}

/**
 * Replaces the key policy (PutKeyPolicy, policy name "default"). The lockout safety check stays on: KMS refuses a policy
 * that would stop the caller from changing it again.
 */
export async function putKeyPolicy(target: AwsTarget, keyArn: string, policyJson: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await kms(target);
    await client.send(new sdk.PutKeyPolicyCommand({ KeyId: keyArn, PolicyName: POLICY_NAME, Policy: policyJson }), { abortSignal: signal });
  } catch (err) {
    throw awsFailure(err, 'kms:PutKeyPolicy', keyArn);
  }
}
