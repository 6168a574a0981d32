/** The values the admin registers on the platform (the platform guide's "Information to Provide"), as platform-registration.json holds them. */
export interface PlatformRegistration {
  readonly region: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly roleArn: string;
  readonly externalId: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Field order and labels of the hand-off screen and the export. */
export const REGISTRATION_FIELDS: ReadonlyArray<{ readonly key: keyof PlatformRegistration; readonly label: string }> = [
  { key: 'region', label: 'Region' },
  { key: 'queueUrl', label: 'Queue URL' },
  { key: 'queueArn', label: 'Queue ARN' },
  { key: 'roleArn', label: 'Role ARN' },
  { key: 'externalId', label: 'External ID' },
  { key: 'bucket', label: 'Bucket' },
  { key: 'prefix', label: 'Object key prefix' },
  { key: 'suffix', label: 'Object key suffix' },
];

/** The text of platform-registration.json: the fields in a stable order, pretty-printed. */
export function registrationJson(values: PlatformRegistration): string {
  const ordered = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f.key, values[f.key]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
