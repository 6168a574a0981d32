/** A context key's value in a request: one string, or a list for multivalued keys (aws:TagKeys, aws:CalledVia). */
export type ContextValue = string | ReadonlyArray<string>;

/**
 * The request context a check evaluates against (IAM User Guide, "The request context"): the keys AWS sends with the
 * request and their values. A key that is neither known nor unknowable is absent from the request.
 */
export interface RequestContext {
  readonly values: Readonly<Record<string, ContextValue>>;
  /**
   * Set while evaluating a policy whose Version is not "2012-10-17": its `${...}` are literal text (IAM JSON
   * reference, "Version": policy variables need 2012-10-17).
   */
  readonly literalVariables?: boolean;
}

/** Keys a check cannot know from the account it reads: they depend on where the call comes from or on the organisation. */
const UNKNOWABLE: ReadonlyArray<{ readonly match: RegExp; readonly what: string }> = [
  { match: /^aws:(sourceip|sourcevpc|sourcevpce|vpcsourceip|sourcevpcarn)$/i, what: 'the network' },
  { match: /^aws:(principalorgid|principalorgpaths|resourceorgid|resourceorgpaths|sourceorgid|sourceorgpaths)$/i, what: 'the organisation' },
  { match: /^aws:(principaltag|resourcetag|requesttag)\//i, what: 'tags' },
  {
    match:
      /^aws:(tagkeys|calledvia|calledviafirst|calledvialast|viaawsservice|multifactorauthpresent|multifactorauthage|userid|federatedprovider|tokenissuetime|referer|useragent|requestedregion|ec2instancesourcevpc|ec2instancesourceprivateipv4|sourceidentity|rolesessionname)$/i,
    what: 'how the caller signs in and calls',
  },
];

/** Why a key the request might carry cannot be known by the check (null: the check knows it, or knows it is absent). */
export function unknowableKey(key: string, context: RequestContext): string | null {
  if (lookupKey(context, key) !== undefined) return null;
  const found = UNKNOWABLE.find((u) => u.match.test(key));
  return found ? `depends on ${found.what} (${key})` : null;
}

/** A key's value; names compare case-insensitively (IAM JSON reference, "Condition element"). */
export function lookupKey(context: RequestContext, key: string): ContextValue | undefined {
  const wanted = key.toLowerCase();
  const found = Object.keys(context.values).find((k) => k.toLowerCase() === wanted);
  return found === undefined ? undefined : context.values[found];
}

/** The account id in an ARN (its fifth field). */
function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/** What every request carries: TLS (the SDK, S3 and the platform call over HTTPS) and the time of the check. */
function common(now: Date): Record<string, string> {
  return { 'aws:SecureTransport': 'true', 'aws:CurrentTime': now.toISOString(), 'aws:EpochTime': String(Math.floor(now.getTime() / 1000)) };
}

/**
 * S3 sending an event to the queue: a service principal call with the bucket as source (IAM User Guide, "AWS global
 * condition context keys": aws:SourceArn, aws:SourceAccount, aws:PrincipalServiceName, aws:PrincipalIsAWSService).
 */
export function s3DeliveryContext(
  bucketArn: string,
  bucketAccount: string,
  resourceAccount: string,
  now = new Date(),
  principal = 's3.amazonaws.com',
): RequestContext {
  return {
    values: {
      ...common(now),
      'aws:SourceArn': bucketArn,
      'aws:SourceAccount': bucketAccount,
      'aws:PrincipalServiceName': principal,
      'aws:PrincipalIsAWSService': 'true',
      'aws:ResourceAccount': resourceAccount,
    },
  };
}

/** The platform's role assuming ours: an assumed-role session of that role, with or without the external ID. */
export function assumeRoleContext(platformRoleArn: string, externalId: string | null, roleAccount: string, now = new Date()): RequestContext {
  return {
    values: {
      ...common(now),
      'aws:PrincipalArn': platformRoleArn,
      'aws:PrincipalAccount': accountOf(platformRoleArn),
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalIsAWSService': 'false',
      'aws:ResourceAccount': roleAccount,
      ...(externalId === null ? {} : { 'sts:ExternalId': externalId }),
    },
  };
}

/** The platform using our role's permissions on the bucket and queue of the same account. */
export function rolePermissionsContext(roleArn: string, resourceAccount: string, now = new Date()): RequestContext {
  return {
    values: {
      ...common(now),
      'aws:PrincipalArn': roleArn,
      'aws:PrincipalAccount': accountOf(roleArn),
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalIsAWSService': 'false',
      'aws:ResourceAccount': resourceAccount,
    },
  };
}

/** A context with exactly these values (tests, and checks with nothing more to say). */
export function contextOf(values: Readonly<Record<string, ContextValue>>): RequestContext {
  return { values };
}

/**
 * SNS delivering a message to a subscribed queue: a service principal call with the topic as source (SNS Developer
 * Guide, "Sending Amazon SNS messages to an Amazon SQS queue"; aws:SourceArn is the topic).
 */
export function snsDeliveryContext(topicArn: string, topicAccount: string, resourceAccount: string, now = new Date()): RequestContext {
  return {
    values: {
      ...common(now),
      'aws:SourceArn': topicArn,
      'aws:SourceAccount': topicAccount,
      'aws:PrincipalServiceName': 'sns.amazonaws.com',
      'aws:PrincipalIsAWSService': 'true',
      'aws:ResourceAccount': resourceAccount,
    },
  };
}
