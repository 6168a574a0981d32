/**
 * Whether an SNS message-body filter policy lets a message through, for the operators the fan-out writes: exact
 * strings, {prefix} and {suffix}; keys ANDed, the values of one key ORed, and an array in the message matching when any
 * element does (SNS Developer Guide, "Message body filtering"). Used to say which subscription drops a test event.
 */
export function snsFilterMatches(policy: unknown, message: unknown): boolean {
  if (Array.isArray(message)) return message.some((m) => snsFilterMatches(policy, m));
  if (Array.isArray(policy)) return typeof message === 'string' && policy.some((condition: unknown) => conditionMatches(condition, message));
  if (typeof policy !== 'object' || policy === null || typeof message !== 'object' || message === null) return false;
  return Object.entries(policy).every(([key, value]) => snsFilterMatches(value, (message as Record<string, unknown>)[key]));
}

function conditionMatches(condition: unknown, value: string): boolean {
  if (typeof condition === 'string') return condition === value;
  if (typeof condition !== 'object' || condition === null) return false;
  const c = condition as { readonly prefix?: unknown; readonly suffix?: unknown };
  if (typeof c.prefix === 'string') return value.startsWith(c.prefix);
  if (typeof c.suffix === 'string') return value.endsWith(c.suffix);
  return false;
}
