import { ApiFailure, apiError, type ApiError } from '../../shared/contract/api-error';
import { isOptInRegion } from '../../shared/validation/opt-in-regions';
import { networkError } from './network-errors';
import type { WaitedOut } from './retry/bounded-retry';

/** What was being attempted when an AWS call failed: named in the message so the admin knows which permission is missing. */
export interface CallContext {
  readonly action?: string;
  readonly resource?: string;
  readonly profile?: string;
  readonly endpoint?: string | null;
  /** The Region called: an opt-in Region that is not enabled answers as if the credentials were invalid. */
  readonly region?: string;
}

interface ErrorLike {
  readonly name?: string;
  readonly code?: string;
  readonly Code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly cause?: unknown;
  readonly $waitedOut?: WaitedOut;
  readonly $network?: { readonly host?: string };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const THROTTLE_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestThrottled', 'SlowDown', 'RequestLimitExceeded']);
const INVALID_CREDS = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'IncompleteSignature']);
/** What a call in an opt-in Region the account has not enabled answers (docs/aws-behaviour.md#partitions). */
const REGION_DISABLED = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidToken', 'RegionDisabledException', 'AuthFailure']);
const EXPIRED_CREDS = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'UnauthorizedOperation', 'Forbidden']);

function networkCode(err: ErrorLike | undefined, depth = 0): string | undefined {
  if (!err || depth > 4) return undefined;
  if (err.code && NETWORK_CODES.has(err.code)) return err.code;
  if (err.name === 'TimeoutError') return 'ETIMEDOUT';
  const nested = (err as { errors?: ReadonlyArray<ErrorLike> }).errors;
  if (nested)
    for (const e of nested) {
      const c = networkCode(e, depth + 1);
      if (c) return c;
    }
  return networkCode(err.cause as ErrorLike | undefined, depth + 1);
}

/** The Region a failed call went to: the caller's, else the one in its endpoint's host name (sqs.ap-east-1.amazonaws.com). */
function regionOf(err: ErrorLike, ctx: CallContext): string | undefined {
  return ctx.region ?? /\.([a-z]{2}(?:-gov)?-[a-z]+-\d+)\.amazonaws\.com/.exec(err.$network?.host ?? '')?.[1];
}

/** Turns anything an AWS SDK call or credential provider throws into a clear error value; never a stack trace. */
export function toApiError(thrown: unknown, ctx: CallContext = {}): ApiError {
  if (thrown instanceof ApiFailure) return thrown.error;
  const error = describeFailure(thrown, ctx);
  const waited = (thrown as ErrorLike | null)?.$waitedOut;
  // A failure the wizard waited on (eventual consistency) says so, with the reason it waited.
  return waited ? { ...error, message: `${error.message} (Still failing after waiting ${Math.round(waited.waitedMs / 1000)} s: ${waited.reason}.)` } : error;
}

function describeFailure(thrown: unknown, ctx: CallContext): ApiError {
  const err = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }) as ErrorLike;
  const name = err.name ?? err.Code ?? err.code ?? 'Error';
  const message = err.message ?? String(thrown);
  const what = ctx.action ? `${ctx.action}${ctx.resource ? ` on ${ctx.resource}` : ''}` : 'the AWS call';

  if (name === 'AbortError' || (/aborted/i.test(message) && name !== 'Error')) {
    return apiError('CANCELLED', `Cancelled: ${what} was stopped before it finished.`, { fix: 'Run it again when ready.' });
  }
  const network = networkError(thrown, what, ctx.endpoint ?? 'the AWS endpoint');
  if (network) return network;
  const region = regionOf(err, ctx);
  if (region && isOptInRegion(region) && REGION_DISABLED.has(name)) {
    return apiError(
      'REGION_NOT_ENABLED',
      `AWS refused ${what} in ${region} (${name}): ${region} is an opt-in Region, and this account has probably not enabled it.`,
      {
        fix: `Enable ${region} for the account (AWS console: Account, AWS Regions; or aws account enable-region --region-name ${region}) and wait until it shows as enabled, or choose a Region the account uses.`,
        command: `aws account enable-region --region-name ${region}`,
      },
    );
  }
  const net = networkCode(err);
  if (net) {
    const where = ctx.endpoint ?? 'the AWS endpoint';
    const happened = net === 'ECONNRESET' || net === 'EPIPE' ? `The connection to ${where} was reset (${net})` : `Could not reach ${where} (${net})`;
    return apiError('ENDPOINT_UNREACHABLE', `${happened} while calling ${what}.`, {
      fix: ctx.endpoint
        ? `Check that the server at ${ctx.endpoint} is running, or unset AWS_ENDPOINT_URL to use AWS.`
        : 'Check the network connection. Behind a proxy, set HTTPS_PROXY (and NO_PROXY for hosts reached directly) as for the AWS CLI, then retry.',
    });
  }
  if (name === 'CredentialsProviderError' || name === 'ProviderError') return credentialProviderError(message, ctx);
  if (INVALID_CREDS.has(name)) {
    return apiError('CREDENTIALS_INVALID', `AWS rejected the credentials of profile ${ctx.profile ?? '(unknown)'} (${name}).`, {
      fix: 'Check the access key in the profile, or sign in again, then reconnect.',
    });
  }
  if (EXPIRED_CREDS.has(name)) {
    return apiError('CREDENTIALS_EXPIRED', `The credentials of profile ${ctx.profile ?? '(unknown)'} have expired (${name}).`, {
      fix: 'Refresh them (for SSO: aws sso login) and connect again.',
      ...(ctx.profile ? { command: `aws sso login --profile ${ctx.profile}` } : {}),
    });
  }
  if (ACCESS_DENIED.has(name) || err.$metadata?.httpStatusCode === 403) {
    return apiError('ACCESS_DENIED', `Access denied: your identity may not call ${what}.`, {
      fix: `Ask for permission ${ctx.action ?? 'for this action'}${ctx.resource ? ` on ${ctx.resource}` : ''}, or use a profile that has it.`,
    });
  }
  if (THROTTLE_NAMES.has(name) || err.$metadata?.httpStatusCode === 429) {
    return apiError('THROTTLED', `AWS is throttling ${what} even after the SDK's retries (${name}).`, {
      fix: 'Wait a minute and retry; nothing was half-written.',
    });
  }
  return apiError('AWS_ERROR', `${what} failed: ${name}: ${firstLine(message)}`, { fix: 'Check the message, fix the cause and retry.' });
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 500) ?? '';
}

function credentialProviderError(message: string, ctx: CallContext): ApiError {
  const profile = ctx.profile ?? 'default';
  // The SDK's messages echo the profile name; "sso-admin" not being found is no SSO sign-in problem.
  const said = message.split(profile).join('PROFILE');
  if (/sso|token.*expired|expired.*token|refresh/i.test(said)) {
    return apiError('SSO_LOGIN_REQUIRED', `The SSO session of profile ${profile} is missing or expired.`, {
      fix: 'Sign in with the AWS CLI, then connect again.',
      command: `aws sso login --profile ${profile}`,
    });
  }
  if (/could not be found|not found|could not resolve credentials using profile|could not load credentials from any providers/i.test(said)) {
    return apiError('PROFILE_NOT_FOUND', `Profile ${profile} was not found, or has no usable credentials.`, {
      fix: 'Check ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), or run aws configure.',
      command: `aws configure --profile ${profile}`,
    });
  }
  return apiError('NO_CREDENTIALS', `Could not get credentials for profile ${profile}: ${firstLine(message)}`, {
    fix: 'Check the profile in ~/.aws/config and ~/.aws/credentials, then connect again.',
  });
}
