import type { Connection, ProfileListing } from '../../shared/contract/aws-profile';
import type { NetworkSummary } from '../../shared/contract/network-summary';

/** `profiles` as a table a person reads; the preselected profile is marked with *; then the network the environment sets. */
export function listProfilesText(listing: ProfileListing): string {
  if (listing.profiles.length === 0) return 'No AWS profiles found. Create one with `aws configure` or `aws configure sso`.\n';
  const rows = listing.profiles.map((p) => [p.name === listing.selected ? `* ${p.name}` : `  ${p.name}`, p.kind, p.region ?? '-', p.mfaSerial ? 'MFA' : '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c))
      .join('  ')
      .trimEnd(),
  );
  if (listing.endpoint) lines.push(`(endpoint override: ${listing.endpoint})`);
  const net = listing.network;
  lines.push(`proxy: ${net.proxy ? `${net.proxy} (${net.proxySource})` : `none (${net.proxySource})`}${net.noProxy ? `; NO_PROXY: ${net.noProxy}` : ''}`);
  const bundles = listing.profiles.filter((p) => p.caBundle).map((p) => `${p.name}: ${p.caBundle}`);
  lines.push(
    `CA bundle: ${net.caBundle ? `${net.caBundle} (AWS_CA_BUNDLE, for every profile)` : bundles.length > 0 ? `ca_bundle of ${bundles.join(', ')}` : 'none (Node.js default roots)'}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The network lines of a connection: endpoint, proxy (never its credentials), CA bundle, retries, read timeout. */
export function networkText(n: NetworkSummary): string {
  const bundle = n.caBundle
    ? `${n.caBundle.path} (${n.caBundle.source}, ${n.caBundle.certificates} certificate(s), added to Node.js's roots)`
    : 'none (Node.js default roots)';
  return [
    `endpoint  ${n.endpoint}`,
    `proxy     ${n.proxy ? `${n.proxy} (${n.proxySource})` : `direct (${n.proxySource})`}`,
    `CA bundle ${bundle}`,
    `retries   ${n.retry.maxAttempts} tries, ${n.retry.mode} mode (${n.retry.source})${n.retry.note ? `; ${n.retry.note}` : ''}`,
    `timeout   a call with no answer for ${n.readTimeoutSeconds} s fails`,
  ].join('\n');
}

/** `whoami` for a person. */
export function whoamiText(c: Connection): string {
  return `account   ${c.accountId}\narn       ${c.arn}\nprofile   ${c.profile}\nregion    ${c.region}\n${networkText(c.network)}\n`;
}
