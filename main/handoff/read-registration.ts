import { apiError, ApiFailure } from '../../shared/contract/api-error';
import type { PlatformRegistration } from '../../shared/handoff/platform-registration';
import { getRole } from '../aws/iam';
import { getQueueUrl } from '../aws/sqs';
import type { StepContext } from '../steps/step-context';

/** Reads the registration values from the live account (queue URL, role ARN) so what is handed over is what exists. */
export async function readRegistration(ctx: StepContext): Promise<PlatformRegistration> {
  const [queueUrl, role] = await Promise.all([getQueueUrl(ctx.target, ctx.setup.queueName, ctx.signal), getRole(ctx.target, ctx.setup.roleName, ctx.signal)]);
  if (!queueUrl || !role) {
    throw new ApiFailure(
      apiError('NOT_FOUND', `${!queueUrl ? `Queue ${ctx.setup.queueName}` : `Role ${ctx.setup.roleName}`} does not exist yet.`, {
        fix: 'Apply the setup first.',
      }),
    );
  }
  const s = ctx.setup;
  return {
    region: s.region,
    queueUrl,
    queueArn: ctx.queueArn,
    roleArn: role.arn,
    externalId: s.externalId,
    bucket: s.bucket,
    prefix: s.prefix,
    suffix: s.suffix,
  };
}
