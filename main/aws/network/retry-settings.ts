import { ApiFailure, apiError } from '../../../shared/contract/api-error';

/** The retry modes of the AWS SDK for JavaScript v3 ("legacy" belongs to older SDKs and is read as standard). */
export type RetryMode = 'standard' | 'adaptive';

/** How often the SDK tries one call and how it spaces the tries; `source` says which setting decided (shown on connect). */
export interface RetrySettings {
  readonly maxAttempts: number;
  readonly mode: RetryMode;
  readonly source: string;
  /** Something the admin should know about the setting (a mode this SDK does not have). */
  readonly note: string | null;
}

/** The SDK's own default when nothing is set (AWS SDKs and Tools reference, "Retry behavior"). */
const DEFAULT_MAX_ATTEMPTS = 3;

type Section = Readonly<Record<string, string | undefined>> | undefined;

function setting(env: NodeJS.ProcessEnv, variable: string, section: Section, key: string, profile: string): { value: string; from: string } | null {
  const fromEnv = env[variable]?.trim();
  if (fromEnv) return { value: fromEnv, from: variable };
  const fromProfile = section?.[key]?.trim();
  return fromProfile ? { value: fromProfile, from: `${key} of profile ${profile}` } : null;
}

/**
 * AWS_MAX_ATTEMPTS / max_attempts and AWS_RETRY_MODE / retry_mode, the variable before the profile, as every AWS SDK
 * reads them (docs/aws-behaviour.md#credentials-endpoints-and-networks); a value the SDK would reject is bad input.
 */
export function retrySettings(env: NodeJS.ProcessEnv, profile: string, section: Section): RetrySettings {
  const attempts = setting(env, 'AWS_MAX_ATTEMPTS', section, 'max_attempts', profile);
  const mode = setting(env, 'AWS_RETRY_MODE', section, 'retry_mode', profile);
  let maxAttempts = DEFAULT_MAX_ATTEMPTS;
  if (attempts) {
    if (!/^\d+$/.test(attempts.value) || Number(attempts.value) < 1) {
      throw new ApiFailure(
        apiError('BAD_INPUT', `${attempts.from} is "${attempts.value}", but it must be a whole number of at least 1.`, {
          fix: `Set ${attempts.from} to the number of tries per call (1 means no retry; the SDK's default is 3), or remove it.`,
        }),
      );
    }
    maxAttempts = Number(attempts.value);
  }
  let retryMode: RetryMode = 'standard';
  let note: string | null = null;
  if (mode) {
    const value = mode.value.toLowerCase();
    if (value === 'adaptive' || value === 'standard') retryMode = value;
    else if (value === 'legacy') note = `${mode.from} is "legacy", a mode of older AWS SDKs: the standard mode is used.`;
    else {
      throw new ApiFailure(
        apiError('BAD_INPUT', `${mode.from} is "${mode.value}", but it must be standard or adaptive.`, {
          fix: `Set ${mode.from} to standard or adaptive, or remove it.`,
        }),
      );
    }
  }
  const sources = [attempts?.from, mode?.from].filter((s): s is string => s !== undefined);
  return { maxAttempts, mode: retryMode, source: sources.length > 0 ? sources.join(', ') : 'SDK defaults', note };
}
