import type { ApiResult } from '../../shared/contract/api-error';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/api-contract';
import type { Connection, ProfileListing } from '../../shared/contract/aws-profile';
import { ApiFailure, apiError, type ApiError } from '../../shared/contract/api-error';
import { createDispatcher } from '../api/dispatch';
import { handlers, preloadHandlers } from '../api/handlers';
import { Workspace } from '../api/workspace';
import type { CliFlags } from './cli-flags';

/** A typed call through the one dispatcher: the CLI uses the same handler table as the GUI. */
export type CliCall = (<C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>) & {
  /** Loads the handlers of channels the command calls later (preloadHandlers), so it happens while a call waits. */
  readonly preload: (channels: ReadonlyArray<Channel>) => void;
};

/** The CLI's API caller, plus Cancel for its running calls (Ctrl-C takes the same dispatcher path as the GUI's Cancel). */
export interface CliApi {
  readonly call: CliCall;
  /** Cancels every running call and refuses new ones, so a command stops at its next call; resolves once requested. */
  readonly cancelRunning: () => Promise<void>;
}

/** Builds the CLI's API caller; progress events go to stderr so stdout stays clean for results. */
export function cliApi(workspace: Workspace): CliApi {
  const dispatch = createDispatcher({
    handlers,
    workspace,
    frontEnd: 'cli',
    emit: (event) => process.stderr.write(`... ${event.message}\n`),
  });
  const running = new Set<string>();
  let cancelled = false;
  let next = 0;
  const send = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    if (cancelled) throw new ApiFailure(apiError('CANCELLED', 'Cancelled: the command stopped before its next call.', { fix: 'Run it again when ready.' }));
    const operationId = `cli-${++next}`;
    running.add(operationId);
    try {
      const result = (await dispatch({ channel, input, operationId })) as ApiResult<never>;
      if (!result.ok) throw new ApiFailure(result.error);
      return result.value;
    } finally {
      running.delete(operationId);
    }
  };
  // A timer, not a microtask: the loading then runs once the current call has gone out to the network.
  const preload = (channels: ReadonlyArray<Channel>) => void setTimeout(() => preloadHandlers(channels), 0);
  const call: CliCall = Object.assign(send, { preload });
  const cancelRunning = async (): Promise<void> => {
    cancelled = true;
    await Promise.all([...running].map((operationId) => dispatch({ channel: 'operation.cancel', input: { operationId } })));
  };
  return { call, cancelRunning };
}

/** Connects with --profile/--region (else AWS_PROFILE/AWS_REGION, the profile's Region, then the fallback Region). */
export async function connectCli(call: CliCall, flags: CliFlags, fallbackRegion?: string): Promise<Connection> {
  const listing: ProfileListing = await call('profiles.list', {});
  const profile = flags.profile ?? listing.selected ?? 'default';
  const region = flags.region ?? fallbackRegion ?? process.env.AWS_REGION ?? listing.profiles.find((p) => p.name === profile)?.region ?? listing.region;
  if (!region) {
    throw new ApiFailure(
      apiError('BAD_INPUT', 'No Region: the profile has none and AWS_REGION is not set.', { fix: 'Pass --region, e.g. --region us-east-1.' }),
    );
  }
  let connection: Connection;
  try {
    connection = await call('session.connect', { profile, region, ...(flags['mfa-code'] ? { mfaCode: flags['mfa-code'] } : {}) });
  } catch (err) {
    throw err instanceof ApiFailure && err.error.code === 'BAD_INPUT' ? new ApiFailure(asFlagError(err.error)) : err;
  }
  process.stderr.write(connectedLine(connection));
  return connection;
}

/** Where the run's calls go, on stderr with the progress: account, endpoint, proxy (never its credentials) and CA bundle. */
function connectedLine(c: Connection): string {
  const n = c.network;
  const proxy = n.proxy ? `proxy ${n.proxy} (${n.proxySource})` : `no proxy (${n.proxySource})`;
  const bundle = n.caBundle ? `CA bundle ${n.caBundle.path} (${n.caBundle.source})` : 'default CA roots';
  return `... connected to account ${c.accountId} at ${n.endpoint}: ${proxy}, ${bundle}, ${n.retry.maxAttempts} tries per call\n`;
}

const FLAG_OF_FIELD: Readonly<Record<string, string>> = { profile: '--profile', region: '--region', mfaCode: '--mfa-code', accountId: '--account-id' };

/** An input error of a channel, its fields named by the CLI flags that set them (an admin never sees channel names). */
export function asFlagError(error: ApiError): ApiError {
  const issues = (error.issues ?? []).map((i) => ({ field: FLAG_OF_FIELD[i.field] ?? i.field, message: i.message }));
  return { ...error, message: `Invalid ${issues.map((i) => i.field).join(', ') || 'connection flags'}: ${issues.map((i) => i.message).join('; ')}`, issues };
}
