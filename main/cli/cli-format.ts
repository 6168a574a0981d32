import type { Connection, ProfileListing } from '../../shared/contract/aws-profile';

/** `profiles` as a table a person reads; the preselected profile is marked with *. */
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
  return `${lines.join('\n')}\n`;
}

/** `whoami` for a person. */
export function whoamiText(c: Connection): string {
  return `account  ${c.accountId}\narn      ${c.arn}\nprofile  ${c.profile}\nregion   ${c.region}\n${c.endpoint ? `endpoint ${c.endpoint}\n` : ''}`;
}
