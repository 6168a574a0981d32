/** Service ids as they appear in AWS_ENDPOINT_URL_<SERVICE> (AWS SDKs and tools reference, "Service-specific endpoints"). */
export type AwsService = 'S3' | 'SQS' | 'IAM' | 'STS' | 'ORGANIZATIONS' | 'SNS' | 'LAMBDA';

/** The endpoint override for a service: AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, else none (real AWS). */
export function endpointFor(service: AwsService, env: NodeJS.ProcessEnv = process.env): string | null {
  const specific = env[`AWS_ENDPOINT_URL_${service}`]?.trim();
  if (specific) return specific;
  const global = env.AWS_ENDPOINT_URL?.trim();
  return global ? global : null;
}

/** The endpoint to show the admin: the global override, else the first service-specific one. */
export function displayedEndpoint(env: NodeJS.ProcessEnv = process.env): string | null {
  return endpointFor('STS', env) ?? endpointFor('S3', env) ?? endpointFor('SQS', env) ?? endpointFor('IAM', env);
}
