import type { RequestContext } from './request-context';

/** Who is asking: a service (S3 sending to a queue) or an IAM principal ARN (a platform role assuming ours). */
export type RequestPrincipal = { readonly service: string } | { readonly arn: string };

/** One request to evaluate, as the IAM policy evaluation logic sees it. */
export interface PolicyRequest {
  /** Absent for identity-based policies, whose statements carry no Principal. */
  readonly principal?: RequestPrincipal;
  readonly action: string;
  /** Absent for trust policies, whose statements carry no Resource. */
  readonly resource?: string;
  /** The keys AWS sends with the request (request-context.ts builds them per check). */
  readonly context: RequestContext;
}

/** A policy with the name the answers use for it ("queue policy", "inline policy platform-s3-sqs-access"). */
export interface NamedPolicy {
  readonly name: string;
  readonly document: unknown;
}

/**
 * The answer of every semantic check: allowed or denied as AWS would decide, or "depends" (on a key the check cannot
 * know) / "cannot-evaluate" (an operator the engine does not model), which are never a pass or a fail; with the
 * statement that decided and why, and the undocumented cases it decided the safe way.
 */
export interface PolicyDecision {
  readonly status: 'allowed' | 'denied' | 'depends' | 'cannot-evaluate';
  /** True only when allowed. */
  readonly allowed: boolean;
  /** The deciding statement's Sid, or "Statement[i]" when it has none; null for the implicit default deny. */
  readonly decidedBy: string | null;
  /** The policy holding the deciding statement. */
  readonly policy: string | null;
  readonly reason: string;
  readonly caveats: ReadonlyArray<string>;
  /** When denied by default: a Deny that may also apply, and on what it depends (so the answer never hides it). */
  readonly mayAlsoDeny?: string;
}
