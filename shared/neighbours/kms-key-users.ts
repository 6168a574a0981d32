import { isJsonObject } from '../diff/json-object';
import { KMS_KEY_POLICY_SID } from '../policy/build-kms-key-statement';
import { conditionValues, listOf, readableStatements } from './policy-statements';

/** The buckets (aws:SourceArn values) that the key policy's statements with `sid` let S3 use the key for. */
export function kmsStatementSources(keyPolicy: unknown, sid: string = KMS_KEY_POLICY_SID): ReadonlyArray<string> {
  return readableStatements(keyPolicy)
    .filter((s) => s['Sid'] === sid)
    .flatMap((s) => conditionValues(s, 'aws:SourceArn'));
}

/** True for an action list that grants `action` (exactly, or through kms:* or *; names are not case-sensitive). */
function grants(actions: ReadonlyArray<string>, action: string): boolean {
  return actions.some((a) => ['*', 'kms:*', action.toLowerCase()].includes(a.toLowerCase()));
}

/**
 * True when a statement with `sid` already lets S3 use the key for this bucket and account, alongside other buckets
 * (a key shared by several queues whose admin listed every bucket in one statement): kept as it is.
 */
export function kmsStatementCoversBucket(keyPolicy: unknown, bucketArn: string, accountId: string, sid: string = KMS_KEY_POLICY_SID): boolean {
  return readableStatements(keyPolicy).some((s) => {
    if (s['Sid'] !== sid || s['Effect'] !== 'Allow') return false;
    const principal = s['Principal'];
    const services = isJsonObject(principal) ? listOf(principal['Service']) : [];
    const actions = listOf(s['Action']);
    return (
      services.includes('s3.amazonaws.com') &&
      grants(actions, 'kms:GenerateDataKey') &&
      grants(actions, 'kms:Decrypt') &&
      conditionValues(s, 'aws:SourceArn').includes(bucketArn) &&
      conditionValues(s, 'aws:SourceAccount').includes(accountId)
    );
  });
}
