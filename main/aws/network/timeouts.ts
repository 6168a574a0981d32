import { ApiFailure, apiError } from '../../../shared/contract/api-error';

/** How long the wizard waits on the network before calling a call stalled, and how long it waits out AWS's eventual consistency. */
export interface Timeouts {
  /** A TCP (or proxy) connection that does not open within this time fails. */
  readonly connectMs: number;
  /** A connection that sends nothing for this long is stalled: the call fails (and the SDK may retry it). The AWS CLI's read timeout is 60 s too. */
  readonly readMs: number;
  /** The longest the wizard retries an answer that eventual consistency explains (OperationAborted, a new role's AccessDenied, destination validation). */
  readonly consistencyWaitMs: number;
}

/** Seconds from a variable, or the default; a value that is not a whole number in range is bad input naming the variable. */
function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `${name} is "${raw}", but it must be a whole number of seconds from ${min} to ${max}.`, {
        fix: `Set ${name} to a number of seconds (default ${fallback}), or remove it.`,
      }),
    );
  }
  return Number(raw);
}

/** The timeouts of a connection: SQS_S3_WIZARD_READ_TIMEOUT and SQS_S3_WIZARD_CONSISTENCY_WAIT (seconds) override the defaults (README, "Company networks"). */
export function timeoutsFrom(env: NodeJS.ProcessEnv): Timeouts {
  return {
    connectMs: 10_000,
    readMs: seconds(env, 'SQS_S3_WIZARD_READ_TIMEOUT', 60, 1, 3600) * 1000,
    consistencyWaitMs: seconds(env, 'SQS_S3_WIZARD_CONSISTENCY_WAIT', 60, 0, 900) * 1000,
  };
}
