import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsErrorAnswer } from './aws-error-bodies';

/** The services the wizard calls, as named in a SigV4 credential scope (`.../us-east-1/sqs/aws4_request`). */
export type ProxiedService = 'S3' | 'SQS' | 'IAM' | 'STS' | 'SNS' | 'LAMBDA';

/**
 * What the proxy does to a matching call: answer 500 in the service's error format; answer the service's throttling
 * error (S3 503 SlowDown, SQS ThrottlingException, IAM/STS Throttling); reset the connection before forwarding;
 * forward and then reset instead of answering (the write happened, the response was lost); wait before forwarding;
 * answer with an exact AWS error body (aws-error-bodies.ts); or stall: never answer, until the client gives up.
 */
export type Fault =
  | { readonly kind: 'internal-error' }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'lose-response' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'aws-error'; readonly answer: AwsErrorAnswer }
  | { readonly kind: 'stall' };

/** A rule: which call, what to do, for how many matching calls (all of them when `times` is absent), and from when. */
export interface FaultRule {
  readonly service: ProxiedService;
  readonly operation: string;
  readonly fault: Fault;
  readonly times?: number;
  /** Only once the proxy has seen this call (e.g. IAM CreateRole): AWS's eventual consistency follows a write. */
  readonly after?: { readonly service: ProxiedService; readonly operation: string };
}

/** One call the proxy saw; `outcome` is the HTTP status sent, or what happened to the connection instead. */
export interface SeenCall {
  readonly service: ProxiedService | 'unknown';
  readonly operation: string;
  readonly faulted: Fault['kind'] | null;
  outcome: number | 'reset' | 'client-gone' | 'pending';
}

/** A running proxy; rules can change at any time, and every call is recorded for retry assertions. */
export interface FaultProxy {
  readonly url: string;
  addRule(rule: FaultRule): void;
  clearRules(): void;
  calls(): ReadonlyArray<SeenCall>;
  /** Calls of one operation (every attempt the SDK made, retries included). */
  callsOf(service: ProxiedService, operation: string): ReadonlyArray<SeenCall>;
  clearCalls(): void;
  close(): Promise<void>;
}

const SERVICES: Readonly<Record<string, ProxiedService>> = { s3: 'S3', sqs: 'SQS', iam: 'IAM', sts: 'STS', sns: 'SNS', lambda: 'LAMBDA' };

function serviceOf(req: IncomingMessage): ProxiedService | 'unknown' {
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  return SERVICES[scope?.[1] ?? ''] ?? 'unknown';
}

/** S3 REST operations by method, path depth and sub-resource (S3 API reference), for the calls the wizard makes. */
function s3Operation(method: string, url: URL): string {
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const q = url.searchParams;
  if (parts.length === 0) return method === 'GET' ? 'ListBuckets' : `${method} /`;
  if (parts.length === 1) {
    if (q.has('notification')) return method === 'PUT' ? 'PutBucketNotificationConfiguration' : 'GetBucketNotificationConfiguration';
    if (q.has('location')) return 'GetBucketLocation';
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'GET') return 'ListObjects';
    return `${method} bucket`;
  }
  const byMethod: Readonly<Record<string, string>> = { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' };
  return byMethod[method] ?? `${method} object`;
}

/** The operation: S3 from the REST request, SQS from X-Amz-Target (JSON protocol) or Action=, IAM/STS from Action=. */
function operationOf(service: ProxiedService | 'unknown', req: IncomingMessage, body: string): string {
  const url = new URL(req.url ?? '/', 'http://proxy');
  if (service === 'S3') return s3Operation(req.method ?? 'GET', url);
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target.includes('.')) return target.slice(target.lastIndexOf('.') + 1);
  return new URLSearchParams(body).get('Action') ?? url.searchParams.get('Action') ?? 'unknown';
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The error response a service really sends: S3 REST XML, SQS awsJson1_0 (query-compatible header), IAM/STS query XML. */
function errorResponse(
  service: ProxiedService | 'unknown',
  kind: 'internal-error' | 'throttle',
): { status: number; type: string; body: string; headers: Record<string, string> } {
  const id = randomUUID();
  const throttle = kind === 'throttle';
  if (service === 'S3' || service === 'unknown') {
    const [code, message] = throttle
      ? ['SlowDown', 'Please reduce your request rate.']
      : ['InternalError', 'We encountered an internal error. Please try again.'];
    return {
      status: throttle ? 503 : 500,
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${id}</RequestId></Error>`,
      headers: { 'x-amz-request-id': id },
    };
  }
  if (service === 'SQS') {
    const [type, code, message] = throttle
      ? ['com.amazon.coral.availability#ThrottlingException', 'ThrottlingException', 'Rate exceeded']
      : ['com.amazon.coral.service#InternalFailure', 'InternalFailure', 'The request processing has failed because of an unknown error.'];
    return {
      status: throttle ? 400 : 500,
      type: 'application/x-amz-json-1.0',
      body: JSON.stringify({ __type: type, message }),
      headers: { 'x-amzn-requestid': id, 'x-amzn-query-error': `${code};${throttle ? 'Sender' : 'Receiver'}` },
    };
  }
  const [code, message, side] = throttle
    ? ['Throttling', 'Rate exceeded', 'Sender']
    : ['ServiceFailure', 'Request processing has failed due to an unknown error.', 'Receiver'];
  const ns = service === 'IAM' ? 'https://iam.amazonaws.com/doc/2010-05-08/' : 'https://sts.amazonaws.com/doc/2011-06-15/';
  return {
    status: throttle ? 400 : 500,
    type: 'text/xml',
    body: `<ErrorResponse xmlns="${ns}"><Error><Type>${side}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
    headers: { 'x-amzn-requestid': id },
  };
}

/**
 * Starts an HTTP proxy on a free loopback port that forwards every request to `targetUrl` (moto) unchanged, except the
 * calls a rule matches. Point the app at it with AWS_ENDPOINT_URL. A delayed call whose client goes away (Cancel, a
 * killed process) is never forwarded, as a request that never left the machine.
 */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: Array<{ rule: FaultRule; left: number }> = [];
  const seen: SeenCall[] = [];

  const hasSeen = (after: FaultRule['after']) => after === undefined || seen.some((c) => c.service === after.service && c.operation === after.operation);

  function takeFault(service: ProxiedService | 'unknown', operation: string): Fault | null {
    const entry = rules.find((r) => r.rule.service === service && r.rule.operation === operation && r.left > 0 && hasSeen(r.rule.after));
    if (!entry) return null;
    entry.left -= 1;
    return entry.rule.fault;
  }

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, call: SeenCall, loseResponse: boolean): void {
    const upstream = httpRequest({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (loseResponse) {
        answer.resume();
        answer.on('end', () => {
          call.outcome = 'reset';
          req.socket.destroy();
        });
        return;
      }
      call.outcome = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      call.outcome = 'reset';
      req.socket.destroy();
    });
    // A client that gives up (abort, killed process) takes a long poll or a slow upload with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  }

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const service = serviceOf(req);
    const operation = operationOf(service, req, body.toString('utf8'));
    const fault = takeFault(service, operation);
    const call: SeenCall = { service, operation, faulted: fault?.kind ?? null, outcome: 'pending' };
    seen.push(call);
    if (!fault) return forward(req, body, res, call, false);
    switch (fault.kind) {
      case 'internal-error':
      case 'throttle': {
        const answer = errorResponse(service, fault.kind);
        call.outcome = answer.status;
        res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers });
        res.end(answer.body);
        return;
      }
      case 'reset':
        call.outcome = 'reset';
        req.socket.destroy();
        return;
      case 'lose-response':
        return forward(req, body, res, call, true);
      case 'aws-error': {
        call.outcome = fault.answer.status;
        res.writeHead(fault.answer.status, { 'content-type': fault.answer.contentType, ...fault.answer.headers });
        res.end(fault.answer.body);
        return;
      }
      case 'stall':
        res.on('close', () => (call.outcome = 'client-gone'));
        return;
      case 'delay': {
        let sent = false;
        const timer = setTimeout(() => {
          sent = true;
          forward(req, body, res, call, false);
        }, fault.ms);
        res.on('close', () => {
          if (sent) return;
          clearTimeout(timer);
          call.outcome = 'client-gone';
        });
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    addRule: (rule) => rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }),
    clearRules: () => void rules.splice(0),
    calls: () => [...seen],
    callsOf: (service, operation) => seen.filter((c) => c.service === service && c.operation === operation),
    clearCalls: () => void seen.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
