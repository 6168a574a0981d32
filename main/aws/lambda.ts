import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { parsePolicyDocument } from '../../shared/diff/parse-policy-document';
import type { AwsTarget } from './client-config';
import { awsFailure, clientsFor, isAwsError } from './clients';

/** A function's resource policy (Lambda GetPolicy), or null when it has none (ResourceNotFoundException). */
export async function getFunctionPolicy(target: AwsTarget, functionArn: string, signal?: AbortSignal): Promise<unknown> {
  try {
    const out = await clientsFor(target).lambda.send(new GetPolicyCommand({ FunctionName: functionArn }), { abortSignal: signal });
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
    await clientsFor(target).lambda.send(
      new AddPermissionCommand({
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
    await clientsFor(target).lambda.send(new RemovePermissionCommand({ FunctionName: functionArn, StatementId: statementId }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, ['ResourceNotFoundException'])) return;
    throw awsFailure(err, 'lambda:RemovePermission', functionArn);
  }
}
