import { parsePolicyDocument } from '../../shared/diff/parse-policy-document';
import type { AwsTarget } from './client-config';
import { awsFailure, isAwsError, serviceClient } from './clients';

/** The target's Lambda client and the package's commands, loaded on first use: only a rule that invokes a function needs it. */
export async function lambda(target: AwsTarget) {
  const sdk = await import('@aws-sdk/client-lambda');
  return { sdk, client: serviceClient(target, 'LAMBDA', (config) => new sdk.LambdaClient(config)) };
}

/** A function's resource policy (Lambda GetPolicy), or null when it has none (ResourceNotFoundException). */
export async function getFunctionPolicy(target: AwsTarget, functionArn: string, signal?: AbortSignal): Promise<unknown> {
  try {
    const { client, sdk } = await lambda(target);
    const out = await client.send(new sdk.GetPolicyCommand({ FunctionName: functionArn }), { abortSignal: signal });
    const parsed = out.Policy ? parsePolicyDocument(out.Policy) : null;
    return parsed === null ? null : parsed.ok ? parsed.value : out.Policy;
  } catch (err) {
    if (isAwsError(err, ['ResourceNotFoundException'])) return null;
    throw awsFailure(err, 'lambda:GetPolicy', functionArn);
  }
}

/** Lets a topic invoke the function (Lambda AddPermission with SourceArn), under the statement id given. */
export async function addTopicPermission(target: AwsTarget, functionArn: string, statementId: string, topicArn: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await lambda(target);
    await client.send(
      new sdk.AddPermissionCommand({
        FunctionName: functionArn,
        StatementId: statementId,
        Action: 'lambda:InvokeFunction',
        Principal: 'sns.amazonaws.com',
        SourceArn: topicArn,
      }),
      { abortSignal: signal },
    );
  } catch (err) {
    throw awsFailure(err, 'lambda:AddPermission', functionArn);
  }
}

/** Removes one statement of the function's resource policy. */
export async function removePermission(target: AwsTarget, functionArn: string, statementId: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await lambda(target);
    await client.send(new sdk.RemovePermissionCommand({ FunctionName: functionArn, StatementId: statementId }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, ['ResourceNotFoundException'])) return;
    throw awsFailure(err, 'lambda:RemovePermission', functionArn);
  }
}
