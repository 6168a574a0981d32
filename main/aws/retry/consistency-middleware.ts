import type { FinalizeHandlerArguments, FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer } from '@aws-sdk/types';
import type { AwsService } from '../endpoint';
import type { NetworkSettings } from '../network/network-settings';
import { proxyRouteFor } from '../network/proxy-route';
import { redactProxyUrl } from '../network/redact-proxy-url';
import { currentOperation } from '../operation-scope';
import { retryWithinBound } from './bounded-retry';
import { consistencyReason } from './consistency-reason';

/** IAM action prefixes of the services, as progress lines and messages name a call ("s3:PutBucketNotificationConfiguration"). */
const PREFIX: Readonly<Record<AwsService, string>> = {
  S3: 's3',
  SQS: 'sqs',
  IAM: 'iam',
  STS: 'sts',
  ORGANIZATIONS: 'organizations',
  SNS: 'sns',
  LAMBDA: 'lambda',
  KMS: 'kms',
};

/** What a failed call's message may say about the network it went over: the host, the proxy (credentials removed), the CA bundle, the limits. */
export interface NetworkContext {
  readonly host: string;
  readonly proxy: string | null;
  readonly proxySource: string;
  readonly caBundle: { readonly path: string; readonly source: string } | null;
  readonly readTimeoutSeconds: number;
  readonly maxAttempts: number;
}

async function networkContext(args: FinalizeHandlerArguments<object>, network: NetworkSettings): Promise<NetworkContext> {
  const request = args.request as { protocol?: string; hostname?: string; port?: number };
  const scheme = (request.protocol ?? 'https:').replace(/:$/, '');
  const host = `${request.hostname ?? 'the AWS endpoint'}${request.port ? `:${request.port}` : ''}`;
  const route = await proxyRouteFor(`${scheme}://${host}/`, network).catch(() => null);
  return {
    host,
    proxy: route?.kind === 'proxy' ? redactProxyUrl(route.url) : null,
    proxySource: route?.source ?? 'unknown',
    caBundle: network.caBundle ? { path: network.caBundle.path, source: network.caBundle.source } : null,
    readTimeoutSeconds: network.timeouts.readMs / 1000,
    maxAttempts: network.retry.maxAttempts,
  };
}

/**
 * Runs around the SDK's own retries of every call: waits out eventual consistency within the connection's bound
 * (bounded-retry.ts, reported in the progress), and gives a failure that ends the call its `$network` context, so
 * certificate, proxy and timeout messages can name the host, the proxy and the CA bundle.
 */
export function consistencyMiddleware(service: AwsService, network: NetworkSettings): FinalizeRequestMiddleware<object, MetadataBearer> {
  return (next, context: HandlerExecutionContext) => async (args) => {
    const smithy = (context as { __smithy_context?: { abortSignal?: AbortSignal } }).__smithy_context;
    const action = `${PREFIX[service]}:${String(context.commandName ?? 'call').replace(/Command$/, '')}`;
    const recent = currentOperation()?.recentWrites;
    try {
      return await retryWithinBound(() => next(args), {
        reasonToWait: (err) => consistencyReason(err, service, args.input, recent),
        boundMs: network.timeouts.consistencyWaitMs,
        what: action,
        ...(smithy?.abortSignal ? { signal: smithy.abortSignal } : {}),
      });
    } catch (err) {
      if (typeof err === 'object' && err !== null) Object.assign(err, { $network: await networkContext(args, network) });
      throw err;
    }
  };
}
