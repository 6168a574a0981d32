import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-document';

/** Sids of the two trust statements (guide step 4); merges replace them by Sid. */
export const TRUST_POLICY_SIDS = {
  setup: 'AllowPlatformSetupAssumeRole',
  load: 'AllowPlatformLoadAssumeRole',
} as const;

/** Inputs of the trust policy (guide step 4). */
export interface TrustPolicyInput {
  readonly platformSetupRoleArn: string;
  readonly platformLoadRoleArn: string;
  readonly externalId: string;
}

function assumeStatement(sid: string, principalArn: string, externalId: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: principalArn },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': externalId } },
  };
}

/** One statement per platform role, each requiring the external ID (guide step 4: docs/aws-behaviour.md#iam-roles-and-policies). */
export function buildTrustPolicy(input: TrustPolicyInput): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      assumeStatement(TRUST_POLICY_SIDS.setup, input.platformSetupRoleArn, input.externalId),
      assumeStatement(TRUST_POLICY_SIDS.load, input.platformLoadRoleArn, input.externalId),
    ],
  };
}
