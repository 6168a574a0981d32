import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { NotificationConfiguration } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { FAKE_KEYS } from './aws-profile-files';

/** moto's account: only its topics and functions can be created here (another account's stay unchecked, as on AWS). */
const ACCOUNT = '123456789012';
const EXECUTION_ROLE = 'other-team-lambda-execution';
/** The smallest valid zip (an empty archive's end record): moto stores the code but never runs it without Docker. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

async function executionRole(iam: IAMClient): Promise<string> {
  const found = await iam.send(new GetRoleCommand({ RoleName: EXECUTION_ROLE })).catch(() => null);
  if (found?.Role?.Arn) return found.Role.Arn;
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const made = await iam.send(new CreateRoleCommand({ RoleName: EXECUTION_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  return made.Role?.Arn ?? '';
}

/**
 * Creates the SNS topics and Lambda functions of moto's account that a seeded notification document sends to, as
 * another team's rules have live destinations: S3 (and the wizard's plan) refuses a rule whose destination is gone.
 */
export async function createRuleDestinations(motoUrl: string, configuration: NotificationConfiguration, region = 'us-east-1'): Promise<void> {
  const base = { region, endpoint: motoUrl, credentials: { ...FAKE_KEYS } };
  const ours = (arn: string | undefined) => arn !== undefined && arn.split(':')[4] === ACCOUNT;
  const topics = (configuration.TopicConfigurations ?? []).map((c) => c.TopicArn).filter(ours);
  const functions = (configuration.LambdaFunctionConfigurations ?? []).map((c) => c.LambdaFunctionArn).filter(ours);
  const sns = new SNSClient(base);
  for (const arn of new Set(topics)) await sns.send(new CreateTopicCommand({ Name: String(arn?.split(':')[5]) }));
  if (functions.length === 0) return;
  const role = await executionRole(new IAMClient(base));
  const lambda = new LambdaClient(base);
  for (const arn of new Set(functions)) {
    // A test that made the function itself (with its own code) keeps it.
    await lambda
      .send(
        new CreateFunctionCommand({
          FunctionName: String(arn?.split(':')[6]),
          Runtime: 'python3.12',
          Handler: 'index.handler',
          Role: role,
          Code: { ZipFile: EMPTY_ZIP },
        }),
      )
      .catch((err: unknown) => {
        if ((err as { name?: string }).name !== 'ResourceConflictException') throw err;
      });
  }
}
