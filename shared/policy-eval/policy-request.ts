/** Who is asking: a service (S3 sending to a queue) or an IAM principal ARN (a platform role assuming ours). */
export type RequestPrincipal = { readonly service: string } | { readonly arn: string };

/** One request to evaluate, as the IAM policy evaluation logic sees it. */
export interface PolicyRequest {
  /** Absent for identity-based policies, whose statements carry no Principal. */
  readonly principal?: RequestPrincipal;
  readonly action: string;
  /** Absent for trust policies, whose statements carry no Resource. */
  readonly resource?: string;
  /** Request context keys (aws:SourceArn, aws:SourceAccount, sts:ExternalId, ...); names compare case-insensitively. */
  readonly context: Readonly<Record<string, string>>;
}

/** The answer of every semantic check: the decision and the statement that made it (diagnostics show both). */
export interface PolicyDecision {
  readonly allowed: boolean;
  /** The deciding statement's Sid, or "Statement[i]" when it has none; null for the implicit default deny. */
  readonly decidedBy: string | null;
  readonly reason: string;
}
