/** True when `pattern` names `event` or a family containing it: "s3:ObjectCreated:*" covers "s3:ObjectCreated:Put". */
export function eventCovers(pattern: string, event: string): boolean {
  if (pattern === event) return true;
  return pattern.endsWith('*') && event.startsWith(pattern.slice(0, -1));
}

/** The event types two rules share, each as the narrower of the two names (S3 overlap rule: docs/aws-behaviour.md#s3-bucket-notifications). */
export function sharedEventTypes(a: ReadonlyArray<string>, b: ReadonlyArray<string>): ReadonlyArray<string> {
  const shared = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (eventCovers(x, y)) shared.add(y);
      else if (eventCovers(y, x)) shared.add(x);
    }
  }
  return [...shared];
}

/** Prefixes overlap when one starts with the other; an empty prefix matches every key (docs/aws-behaviour.md#s3-bucket-notifications). */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Suffixes overlap when one ends with the other; an empty suffix matches every key (docs/aws-behaviour.md#s3-bucket-notifications). */
export function suffixesOverlap(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}
