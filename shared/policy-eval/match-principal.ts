import { isJsonObject } from '../diff/json-object';
import type { RequestPrincipal } from './policy-request';

/** Whether a Principal element names the caller; 'case-only' when only the (undocumented) case of a service name differs. */
export type PrincipalMatch = boolean | 'case-only';

function list(value: unknown): ReadonlyArray<string> {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

const CALLER = /^arn:([^:]+):(?:iam|sts)::(\d{12}):/;
const SESSION = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//;
const ROLE = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** An AWS principal value names the caller: "*", its exact ARN, its account (id or ":root"), or the role of a session. */
function awsValueMatches(value: string, callerArn: string): boolean {
  if (value === '*' || value === callerArn) return true;
  const caller = CALLER.exec(callerArn);
  if (caller && (value === caller[2] || value === `arn:${caller[1]}:iam::${caller[2]}:root`)) return true;
  const session = SESSION.exec(callerArn);
  const role = ROLE.exec(value);
  return session !== null && role !== null && role[1] === session[1] && role[2] === session[2];
}

/** Does a Principal element name the caller (IAM JSON reference, "Principal"; {"AWS": "*"} equals "*")? */
export function matchPrincipal(principal: unknown, caller: RequestPrincipal): PrincipalMatch {
  if (principal === '*') return true;
  if (!isJsonObject(principal)) return false;
  let caseOnly = false;
  for (const [type, raw] of Object.entries(principal)) {
    const values = list(raw);
    if (type === 'AWS' && values.includes('*')) return true;
    if ('service' in caller) {
      if (type !== 'Service') continue;
      if (values.includes(caller.service)) return true;
      if (values.some((v) => v.toLowerCase() === caller.service.toLowerCase())) caseOnly = true;
    } else if (type === 'AWS' && values.some((v) => awsValueMatches(v, caller.arn))) {
      return true;
    }
  }
  return caseOnly ? 'case-only' : false;
}

/** How a caller is named in reasons. */
export function describeCaller(caller: RequestPrincipal): string {
  return 'service' in caller ? caller.service : caller.arn;
}
