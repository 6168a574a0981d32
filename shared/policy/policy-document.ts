/** Values in a policy element may be one string or a list (IAM JSON policy grammar). */
export type OneOrMany<T> = T | ReadonlyArray<T>;

/** A Principal element: "*" or a map of principal types to values (IAM JSON reference, "Principal"). */
export type PolicyPrincipal = '*' | { readonly [type: string]: OneOrMany<string> };

/** Condition block: operator -> key -> value(s) (IAM JSON reference, "Condition"). */
export type PolicyCondition = { readonly [operator: string]: { readonly [key: string]: OneOrMany<string> } };

/** One statement as the wizard writes it; documents read from AWS are handled as plain JSON. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyCondition;
}

/** A policy document; IAM and SQS accept `Statement` as one object or a list. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Id?: string;
  readonly Statement: ReadonlyArray<PolicyStatement>;
}

/** The policy language version every document the wizard writes uses (IAM JSON reference, "Version"). */
export const POLICY_VERSION = '2012-10-17';
