import type { FieldIssue } from '../contract/api-error';

/** Partitions a platform role can live in; the wizard supports the commercial, China and GovCloud partitions. */
export const SUPPORTED_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

const EXAMPLE = 'arn:aws:iam::111122223333:role/NAME';

/** Checks an IAM role ARN (IAM identifiers: arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME). */
export function validateRoleArn(value: string, field = 'roleArn'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail(`Role ARN is required, in the form ${EXAMPLE}.`);
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return fail(`"${value}" is not an ARN: a role ARN looks like ${EXAMPLE}.`);
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!(SUPPORTED_PARTITIONS as ReadonlyArray<string>).includes(partition ?? '')) {
    return fail(`Role ARN partition "${partition}" is not supported: use aws, aws-cn or aws-us-gov.`);
  }
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    return fail(`This is an assumed-role session ARN, not a role ARN: use ${EXAMPLE.replace('aws', partition ?? 'aws')}.`);
  }
  if (service !== 'iam') return fail(`Role ARN must be an IAM ARN ("arn:${partition}:iam::..."), not "${service}".`);
  if (region !== '') return fail('Role ARN must have an empty region field (IAM is global): "...:iam::ACCOUNT:role/NAME".');
  if (!/^\d{12}$/.test(account ?? '')) return fail(`Role ARN account "${account}" must be exactly 12 digits.`);
  if (!resource.startsWith('role/')) {
    return fail(`Role ARN must name a role ("role/NAME"), not "${resource.split('/')[0]}": e.g. ${EXAMPLE}.`);
  }
  const segments = resource.slice('role/'.length).split('/');
  const name = segments[segments.length - 1] ?? '';
  if (name === '' || name.length > 64 || /[^A-Za-z0-9+=,.@_-]/.test(name)) {
    return fail(`Role name "${name}" in the ARN must be 1-64 of letters, digits and + = , . @ _ - (IAM naming rules).`);
  }
  if (segments.slice(0, -1).some((s) => s === '' || /[^\x21-\x7e]/.test(s)) || resource.length > 5 + 512 + 64) {
    return fail('Role path in the ARN must be printable ASCII segments separated by single "/" (IAM path rules).');
  }
  return null;
}
