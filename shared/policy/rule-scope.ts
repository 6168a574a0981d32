/** What a notification rule matches: its event types and its key filter ("" for no prefix or no suffix). */
export interface RuleScope {
  readonly events: ReadonlyArray<string>;
  readonly prefix: string;
  readonly suffix: string;
}

/** Why two rules overlap, one reason per part of the filter (S3 refuses two rules that share all three: docs/aws-behaviour.md#overlapping-rules). */
export interface OverlapWhy {
  readonly events: string;
  readonly prefix: string;
  readonly suffix: string;
}
