import type { ListingNetwork, NetworkSummary } from './network-summary';

/** How a profile gets its credentials; decides what the UI asks for (MFA code, SSO login). */
export type ProfileKind = 'static' | 'sso' | 'assume-role' | 'credential-process' | 'web-identity' | 'environment' | 'incomplete';

/** A profile as the UI sees it: never a key, token or secret, only what identifies and describes it. */
export interface ProfileSummary {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region: string | null;
  /** Set when the profile assumes a role with MFA: the UI asks for the code. */
  readonly mfaSerial: string | null;
  /** Set for assume-role profiles: where their base credentials come from. */
  readonly sourceProfile: string | null;
  /** Files the profile was found in ('config', 'credentials', 'environment'). */
  readonly sources: ReadonlyArray<'config' | 'credentials' | 'environment'>;
  /** The profile's ca_bundle (a path, not a secret); AWS_CA_BUNDLE wins over it. */
  readonly caBundle: string | null;
}

/** Listing of local profiles, with what the environment preselects. */
export interface ProfileListing {
  readonly profiles: ReadonlyArray<ProfileSummary>;
  /** AWS_PROFILE, else 'default' when present, else the first profile. */
  readonly selected: string | null;
  /** AWS_REGION / AWS_DEFAULT_REGION, else the selected profile's region. */
  readonly region: string | null;
  /** AWS_ENDPOINT_URL when set (a URL, not a secret): shown so the admin knows which server they talk to. */
  readonly endpoint: string | null;
  /** The proxy and CA bundle the environment sets, before a profile is chosen (README, "Company networks"). */
  readonly network: ListingNetwork;
}

/** Who the wizard is connected as: sts:GetCallerIdentity. */
export interface Connection {
  readonly profile: string;
  readonly region: string;
  readonly accountId: string;
  readonly arn: string;
  readonly userId: string;
  readonly endpoint: string | null;
  /** The endpoint, proxy (never its credentials), CA bundle, retries and read timeout the connection uses. */
  readonly network: NetworkSummary;
}
