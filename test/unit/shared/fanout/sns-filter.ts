/** A minimal evaluator of SNS body filter policies, for tests: exact strings, {prefix}, {suffix}; keys ANDed, values ORed; arrays in the message match when any element does. */
export function snsFilterMatches(policy: unknown, message: unknown): boolean {
  if (Array.isArray(message)) return message.some((m) => snsFilterMatches(policy, m));
  if (Array.isArray(policy)) {
    if (typeof message !== 'string') return false;
    return policy.some((c: unknown) =>
      typeof c === 'string'
        ? c === message
        : typeof c === 'object' && c !== null && 'prefix' in c
          ? message.startsWith(String((c as { prefix: string }).prefix))
          : typeof c === 'object' && c !== null && 'suffix' in c
            ? message.endsWith(String((c as { suffix: string }).suffix))
            : false,
    );
  }
  if (typeof policy !== 'object' || policy === null) return false;
  if (typeof message !== 'object' || message === null) return false;
  return Object.entries(policy).every(([k, v]) => snsFilterMatches(v, (message as Record<string, unknown>)[k]));
}
