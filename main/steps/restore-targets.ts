import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { parseArn } from '../../shared/policy/arns';
import type { AwsTarget } from '../aws/client-config';
import { getBucketNotification, putBucketNotification } from '../aws/s3';
import { getQueueAttributes, getQueueUrl, setQueuePolicy } from '../aws/sqs';
import { getRole, getRolePolicy, putRolePolicy, updateAssumeRolePolicy } from '../aws/iam';

/** Reads and writes the document a backup kind holds, addressed by the backup's own `resource`. */
export interface RestoreTarget {
  read(target: AwsTarget, resource: string, signal: AbortSignal): Promise<unknown>;
  write(target: AwsTarget, resource: string, document: unknown, signal: AbortSignal): Promise<void>;
  /** Why a backup recording that the document did not exist cannot be restored (the wizard deletes no role or policy). */
  readonly absentRefusal?: { readonly message: string; readonly fix: string };
}

function refuse(message: string, fix: string): never {
  throw new ApiFailure(apiError('BAD_INPUT', message, { fix }));
}

function lastArnPart(resource: string, what: string): string {
  const arn = parseArn(resource.split(' ')[0] ?? '');
  const name = arn?.resource.split('/').pop() ?? arn?.resource;
  if (!name) refuse(`The backup's resource ${resource} is not the ARN of a ${what}.`, 'Choose a backup file written by this wizard.');
  return name;
}

async function queueUrlOf(target: AwsTarget, resource: string, signal: AbortSignal): Promise<string> {
  const name = lastArnPart(resource, 'queue');
  const url = await getQueueUrl(target, name, signal);
  if (!url) throw new ApiFailure(apiError('NOT_FOUND', `Queue ${name} no longer exists.`, { fix: 'Re-create it with the wizard (apply), then restore.' }));
  return url;
}

const PERMISSIONS_POLICY = /\(inline policy ([\w+=,.@-]+)\)$/;

/** Restore targets by backup kind; a queue's own backup records that it did not exist and is not restorable. */
export const RESTORE_TARGETS: Readonly<Record<string, RestoreTarget>> = {
  'queue-policy': {
    read: async (t, r, s) => (await getQueueAttributes(t, await queueUrlOf(t, r, s), ['Policy'], s)).Policy || null,
    write: async (t, r, doc, s) => setQueuePolicy(t, await queueUrlOf(t, r, s), doc === null ? '' : typeof doc === 'string' ? doc : JSON.stringify(doc), s),
  },
  'bucket-notification': {
    read: (t, r, s) => getBucketNotification(t, lastArnPart(r, 'bucket'), s),
    write: (t, r, doc, s) => putBucketNotification(t, lastArnPart(r, 'bucket'), (doc ?? {}) as never, s),
  },
  'role-trust-policy': {
    read: async (t, r, s) => (await getRole(t, lastArnPart(r, 'role'), s))?.trustPolicy ?? null,
    absentRefusal: { message: 'The role did not exist when this backup was taken; the wizard does not delete roles.', fix: 'Delete the role in the IAM console if that is what you want.' },
    write: async (t, r, doc, s) => {
      await updateAssumeRolePolicy(t, lastArnPart(r, 'role'), typeof doc === 'string' ? doc : JSON.stringify(doc), s);
    },
  },
  'role-permissions-policy': {
    read: (t, r, s) => getRolePolicy(t, lastArnPart(r, 'role'), PERMISSIONS_POLICY.exec(r)?.[1] ?? '', s),
    absentRefusal: { message: 'The inline policy did not exist when this backup was taken; the wizard does not delete policies.', fix: 'Delete it in the IAM console if that is what you want.' },
    write: async (t, r, doc, s) => {
      await putRolePolicy(t, lastArnPart(r, 'role'), PERMISSIONS_POLICY.exec(r)?.[1] ?? '', typeof doc === 'string' ? doc : JSON.stringify(doc), s);
    },
  },
};
