import { setMaxListeners } from 'node:events';
import { apiContract, isChannel, OPERATION_ID_PATTERN, type AppInfo, type ApiRequest, type Channel } from '../../shared/contract/api-contract';
import { apiError, ApiFailure, type ApiResult, type FieldIssue } from '../../shared/contract/api-error';
import type { ApiEvent, ProgressDetail } from '../../shared/contract/api-events';
import { toApiError } from '../aws/aws-errors';
import { OperationReads } from '../aws/operation-reads';
import { runInOperation } from '../aws/operation-scope';
import type { Handler, HandlerTable } from './handler-context';
import type { Workspace } from './workspace';

/** What a transport needs to serve the API. */
export interface DispatcherOptions {
  readonly handlers: HandlerTable;
  readonly workspace: Workspace;
  readonly frontEnd: AppInfo['frontEnd'];
  /** Delivers events (progress) to the front end that made the call. */
  readonly emit: (event: ApiEvent) => void;
}

/** Serves one request envelope: validates it, runs the handler, always answers with a value (never throws). */
export type Dispatch = (request: unknown) => Promise<ApiResult<unknown>>;

/** Builds the dispatcher shared by every transport; it also keeps the running operations for operation.cancel. */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const running = new Map<string, AbortController>();

  return async (request: unknown): Promise<ApiResult<unknown>> => {
    const envelope = parseEnvelope(request);
    if (!envelope.ok) return envelope;
    const { channel, input, operationId } = envelope.value;
    const parsed = await parseInput(channel, input);
    if (!parsed.success) {
      const { issues } = parsed;
      return {
        ok: false,
        error: apiError('BAD_INPUT', `Invalid input for ${channel}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, {
          fix: 'Correct the named fields and try again.',
          issues,
        }),
      };
    }
    if (channel === 'operation.cancel') {
      const target = running.get((parsed.data as { operationId: string }).operationId);
      target?.abort();
      return { ok: true, value: { cancelled: Boolean(target) } };
    }
    const id = operationId ?? globalThis.crypto.randomUUID();
    const controller = new AbortController();
    // Each AWS request of the operation listens for its cancel, and planning sends dozens at once (every step's reads
    // and the neighbours'): Node's default of 10 listeners would warn of a leak that is not one.
    setMaxListeners(256, controller.signal);
    running.set(id, controller);
    const started = Date.now();
    const ctx = {
      workspace: options.workspace,
      signal: controller.signal,
      frontEnd: options.frontEnd,
      progress: (message: string, detail?: ProgressDetail) =>
        options.emit({ type: 'progress', operationId: id, message, elapsedMs: Date.now() - started, ...(detail === undefined ? {} : { detail }) }),
    };
    try {
      const handler = options.handlers[channel] as Handler<Channel>;
      // Retries deep in the AWS modules report to this call's progress, and know what this workspace wrote recently.
      const value = await runInOperation(
        { report: (message) => ctx.progress(message), recentWrites: options.workspace.recentWrites, reads: new OperationReads() },
        () => handler(parsed.data as never, ctx),
      );
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.error };
      if (controller.signal.aborted) return { ok: false, error: apiError('CANCELLED', `${channel} was cancelled.`, { fix: 'Run it again when ready.' }) };
      return { ok: false, error: toApiError(err) };
    } finally {
      running.delete(id);
    }
  };
}

type ParsedInput = { readonly success: true; readonly data: unknown } | { readonly success: false; readonly issues: FieldIssue[] };

/** A channel's input checked against the contract: `{}` for a channel without input, else its schema (loading zod once). */
async function parseInput(channel: Channel, input: unknown): Promise<ParsedInput> {
  if (apiContract[channel].input === 'none') {
    const extra = input === undefined ? [] : typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.keys(input) : null;
    if (extra === null) return { success: false, issues: [{ field: '(input)', message: 'expected an empty object' }] };
    return extra.length
      ? { success: false, issues: [{ field: '(input)', message: `takes no input; remove ${extra.map((k) => JSON.stringify(k)).join(', ')}` }] }
      : { success: true, data: {} };
  }
  const { channelInputs } = await import('../../shared/contract/api-inputs');
  const parsed = channelInputs[channel as keyof typeof channelInputs].safeParse(input ?? {});
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(input)', message: i.message })) };
}

function parseEnvelope(request: unknown): ApiResult<ApiRequest & { channel: Channel }> {
  if (typeof request !== 'object' || request === null) {
    return { ok: false, error: apiError('BAD_INPUT', 'A request must be an object {channel, input, operationId?}.') };
  }
  const { channel, input, operationId } = request as Record<string, unknown>;
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return {
      ok: false,
      error: apiError('UNKNOWN_CHANNEL', `Unknown API channel ${JSON.stringify(channel)}.`, {
        fix: `Use one of: ${Object.keys(apiContract).join(', ')}.`,
      }),
    };
  }
  if (operationId !== undefined && (typeof operationId !== 'string' || !OPERATION_ID_PATTERN.test(operationId))) {
    return { ok: false, error: apiError('BAD_INPUT', 'operationId must be 1-64 of A-Z a-z 0-9 _ -.') };
  }
  return { ok: true, value: { channel, input, ...(typeof operationId === 'string' ? { operationId } : {}) } };
}
