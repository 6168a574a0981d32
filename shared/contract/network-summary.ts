/** What the connection step and `whoami` show about the network (README, "Company networks"); never a credential of the proxy. */
export interface NetworkSummary {
  /** The endpoint the connection was checked against (an override, else AWS's STS endpoint of the Region). */
  readonly endpoint: string;
  /** The proxy used for it, credentials replaced by "***"; null for a direct connection. */
  readonly proxy: string | null;
  /** What decided: "HTTPS_PROXY", "system proxy settings", "NO_PROXY (...)", "no proxy configured". */
  readonly proxySource: string;
  /** The CA bundle added to Node's roots, and the setting it came from; null when only the default roots are trusted. */
  readonly caBundle: { readonly path: string; readonly source: string; readonly certificates: number } | null;
  readonly retry: { readonly maxAttempts: number; readonly mode: string; readonly source: string; readonly note: string | null };
  /** Seconds of silence after which a call is called stalled. */
  readonly readTimeoutSeconds: number;
}

/** The network part of the profile listing: what applies before a profile is chosen (proxy variables, AWS_CA_BUNDLE). */
export interface ListingNetwork {
  readonly proxy: string | null;
  readonly proxySource: string;
  readonly noProxy: string | null;
  /** AWS_CA_BUNDLE when set (a profile's ca_bundle is on its own summary). */
  readonly caBundle: string | null;
}
