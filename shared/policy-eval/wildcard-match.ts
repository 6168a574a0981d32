/** IAM wildcard matching: "*" is any run of characters, "?" any one character (IAM JSON reference, "Action"/"Resource"). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = vi;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** ArnLike/ArnEquals compare the six colon-separated parts one by one, each with wildcards (IAM condition operators). */
export function arnMatch(pattern: string, value: string): boolean {
  const split = (arn: string): ReadonlyArray<string> | null => {
    const parts = arn.split(':');
    return parts.length < 6 ? null : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const v = split(value);
  if (p === null || v === null) return wildcardMatch(pattern, value);
  return p.every((part, i) => wildcardMatch(part, v[i] ?? ''));
}
