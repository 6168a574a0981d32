import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError, type CallContext } from './aws-errors';
import { clientConfig, networkOf, type AwsTarget } from './client-config';
import type { AwsService } from './endpoint';
import { requestHandlerFor } from './network/request-handler';
import { operationReadsMiddleware } from './operation-reads';
import { consistencyMiddleware } from './retry/consistency-middleware';

/** What the wizard needs of an SDK v3 client: its middleware stack (for the wizard's middleware) and destroy. */
interface SdkClient {
  readonly middlewareStack: object;
  destroy(): void;
}

/** The configuration every client of a target is built with (Region, credentials, endpoint, retries, network). */
export type ServiceClientConfig = ReturnType<typeof clientConfig>;

/** A target's clients so far, and the one request handler (proxy routes, CA bundle, keep-alive pools) they share. */
interface TargetClients {
  handler?: ReturnType<typeof requestHandlerFor>;
  readonly made: Map<AwsService, SdkClient>;
}

const cache = new WeakMap<AwsTarget, TargetClients>();

/** A number per target object, so the reads an operation shares are those of one connection and Region. */
const targetIds = new WeakMap<AwsTarget, number>();
let nextTargetId = 0;

/**
 * A client with the wizard's middleware: an operation's identical reads shared (operation-reads.ts), eventual-consistency
 * retries around the SDK's own, and the network context on failures.
 */
function wired<C extends SdkClient>(client: C, service: AwsService, target: AwsTarget): C {
  const stack = client.middlewareStack as unknown as {
    add: (mw: unknown, options: object) => void;
    addRelativeTo: (mw: unknown, options: object) => void;
  };
  let id = targetIds.get(target);
  if (id === undefined) targetIds.set(target, (id = nextTargetId++));
  stack.add(operationReadsMiddleware(service, `target-${id}`), { step: 'initialize', priority: 'high', name: 'wizardOperationReads' });
  stack.addRelativeTo(consistencyMiddleware(service, networkOf(target)), {
    relation: 'before',
    toMiddleware: 'retryMiddleware',
    name: 'wizardConsistencyMiddleware',
  });
  return client;
}

/**
 * The target's client for one service, built on first use by `make` (each service module passes its own client class,
 * so a command loads only the SDK packages of the services it calls) and kept while the target object lives: a
 * plan/apply run reuses its connections instead of opening new ones per call.
 */
export function serviceClient<C extends SdkClient>(target: AwsTarget, service: AwsService, make: (config: ServiceClientConfig) => C): C {
  let clients = cache.get(target);
  if (!clients) {
    clients = { made: new Map() };
    cache.set(target, clients);
  }
  const known = clients.made.get(service);
  if (known) return known as C;
  const handler = (clients.handler ??= requestHandlerFor(networkOf(target)));
  const client = wired(make(clientConfig(service, target, handler)), service, target);
  clients.made.set(service, client);
  return client;
}

/** The targets of one connection in other Regions, one object per Region, so their clients are reused too. */
const inRegions = new WeakMap<AwsTarget, Map<string, AwsTarget>>();

/** The same connection in `region`: the target itself in its own Region, else one kept object per Region (targetInRegion). */
export function targetInRegion(target: AwsTarget, region: string): AwsTarget {
  if (region === target.region) return target;
  let regions = inRegions.get(target);
  if (!regions) inRegions.set(target, (regions = new Map()));
  let found = regions.get(region);
  if (!found) regions.set(region, (found = { ...target, region }));
  return found;
}

/** Closes a target's clients (their idle sockets), and those of its other Regions, when a session ends or its credentials change. */
export function releaseClients(target: AwsTarget): void {
  for (const other of inRegions.get(target)?.values() ?? []) releaseClients(other);
  inRegions.delete(target);
  const known = cache.get(target);
  if (!known) return;
  cache.delete(target);
  for (const client of known.made.values()) client.destroy();
}

/** True when the SDK error's name or wire code is one of `names` (v3 exception names and query-protocol codes differ). */
export function isAwsError(err: unknown, names: ReadonlyArray<string>): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { readonly name?: unknown; readonly Code?: unknown; readonly code?: unknown };
  return [e.name, e.Code, e.code].some((v) => typeof v === 'string' && names.includes(v));
}

/** The HTTP status of a failed call, if the SDK recorded one. */
export function awsHttpStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  return (err as { readonly $metadata?: { readonly httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** Wraps an AWS failure so its message names the action and resource, i.e. which permission the admin lacks. */
export function awsFailure(err: unknown, action: string, resource: string | undefined, caller: Pick<CallContext, 'profile' | 'endpoint'> = {}): ApiFailure {
  return new ApiFailure(toApiError(err, { ...caller, action, ...(resource === undefined ? {} : { resource }) }));
}
