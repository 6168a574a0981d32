/**
 * Regions launched after 20 March 2019 are disabled until the account opts in (AWS Account Management reference,
 * "Enable or disable AWS Regions in your account"); the list as of 2026. A call there before the Region is enabled
 * fails as if the credentials were invalid (docs/aws-behaviour.md#partitions).
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

/** True for a Region an account must enable before use. */
export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}
