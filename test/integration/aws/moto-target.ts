import type { AwsTarget } from '../../../main/aws/client-config';
import { ApiFailure, type ApiError } from '../../../shared/contract/api-error';
import { FAKE_KEYS, motoEnv } from '../../support/aws-profile-files';

/** A target that sends every service call to the test's moto_server. */
export function motoTarget(motoUrl: string, region = 'us-east-1'): AwsTarget {
  return {
    region,
    credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey },
    env: motoEnv(motoUrl, region),
  };
}

/** The error value a service module threw, so a test can assert on code and message. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiFailure) return err.error;
    throw err;
  }
  throw new Error('expected the call to fail');
}
