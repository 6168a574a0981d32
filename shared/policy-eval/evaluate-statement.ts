import { isJsonObject, type JsonObject } from '../diff/json-object';
import { matchConditions } from './match-conditions';
import { describeCaller, matchPrincipal } from './match-principal';
import { arnMatch, arnPattern, isShortArn, plainPattern, wildcardMatch, type Pattern } from './pattern';
import type { PolicyRequest } from './policy-request';
import type { RequestContext } from './request-context';
import { isUnknown, triOr, type Tri } from './tri';

/** Whether one statement takes part in the decision, and why. */
export interface StatementVerdict {
  readonly effect: 'Allow' | 'Deny' | null;
  /** True: it applies; false: it does not; unknown: it depends on a key or an operator the engine cannot evaluate. */
  readonly applies: Tri;
  /** True when the statement's action (and principal) match, so a miss is worth reporting as "closest". */
  readonly near: boolean;
  readonly detail: string;
  readonly caveats: ReadonlyArray<string>;
}

function strings(value: unknown): ReadonlyArray<string> {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** Action names compare without case (IAM JSON reference, "Action"); NotAction matches every other action. */
function matchAction(statement: JsonObject, action: string): boolean | null {
  const hit = (list: unknown) => strings(list).some((p) => wildcardMatch(plainPattern(p), action, true));
  if (statement['Action'] !== undefined) return hit(statement['Action']);
  if (statement['NotAction'] !== undefined) return !hit(statement['NotAction']);
  return null;
}

/**
 * Resource or NotResource against the request's ARN, with policy variables; a match only in another case of the
 * partition/service/Region/account (undocumented) is decided the way that cannot make an Allow pass wrongly.
 */
function matchResource(statement: JsonObject, resource: string, context: RequestContext, effect: 'Allow' | 'Deny', caveats: string[]): Tri | null {
  const negated = statement['Resource'] === undefined;
  const raw = negated ? statement['NotResource'] : statement['Resource'];
  if (raw === undefined) return null;
  const hits = strings(raw).map((text): Tri => {
    // A short NotResource that covers the resource (a trailing "*" runs past colons) is sure; one that does not is not.
    if (negated && isShortArn(text) && arnMatch(plainPattern(text), resource) !== true) {
      caveats.push(`uncertain: NotResource ${text} has fewer than six ARN parts, which AWS does not document; decided so that it cannot make an Allow pass`);
      return effect === 'Allow';
    }
    const { pattern, variableInPrefix } = arnPattern(text, context);
    if (variableInPrefix)
      caveats.push(`uncertain: ${text} has a variable before the resource part, where AWS does not put variables in; it was compared as written`);
    // A variable the request cannot fill: the value covers nothing, and a NotResource naming the request's service and
    // account makes the statement not apply (IAM User Guide, "Policy variables": the statement may become invalid).
    if (pattern === null) return negated && arnMatch(plainPattern(`${text.split(':', 5).join(':')}:*`), resource) === true;
    if (!Array.isArray(pattern)) return pattern as Tri;
    const hit = text === '*' ? true : arnMatch(pattern as Pattern, resource);
    if (hit !== 'case-only') return hit;
    caveats.push(
      `uncertain: ${text} covers ${resource} only when the case of the partition, service, Region or account is ignored, which AWS does not document`,
    );
    // Safe: an Allow does not apply, a Deny does.
    return negated ? effect === 'Allow' : effect === 'Deny';
  });
  const any = triOr(hits);
  return negated ? (isUnknown(any) ? any : !any) : any;
}

function miss(effect: 'Allow' | 'Deny', near: boolean, detail: string, caveats: ReadonlyArray<string> = []): StatementVerdict {
  return { effect, applies: false, near, detail, caveats };
}

/** Evaluates one statement against a request (IAM policy evaluation logic: principal, action, resource, conditions). */
export function evaluateStatement(statement: unknown, request: PolicyRequest): StatementVerdict {
  if (!isJsonObject(statement)) return { effect: null, applies: false, near: false, detail: 'not an object', caveats: [] };
  const effect = statement['Effect'] === 'Allow' || statement['Effect'] === 'Deny' ? statement['Effect'] : null;
  if (effect === null) return { effect, applies: false, near: false, detail: 'its Effect is neither Allow nor Deny', caveats: [] };
  const action = matchAction(statement, request.action);
  if (action !== true) return miss(effect, false, action === null ? 'it has no Action' : `it does not cover ${request.action}`);
  const caveats: string[] = [];
  if (request.principal) {
    const caller = describeCaller(request.principal);
    const named = statement['Principal'] ?? statement['NotPrincipal'];
    if (named === undefined) return miss(effect, false, 'it has no Principal');
    let hit = matchPrincipal(named, request.principal);
    if (hit === 'case-only') {
      caveats.push(`uncertain: the statement names ${caller} in another case, and AWS does not document whether service names compare without case`);
      hit = statement['Principal'] !== undefined ? effect === 'Deny' : effect === 'Allow';
    }
    const names = statement['Principal'] !== undefined ? hit : !hit;
    if (!names)
      return miss(
        effect,
        false,
        statement['Principal'] !== undefined ? `its Principal does not include ${caller}` : `its NotPrincipal excludes ${caller}`,
        caveats,
      );
  }
  if (request.resource !== undefined) {
    const resource = matchResource(statement, request.resource, request.context, effect, caveats);
    if (resource === false) return miss(effect, true, `its Resource does not cover ${request.resource}`, caveats);
    if (resource !== null && isUnknown(resource)) return { effect, applies: resource, near: true, detail: resource.reason, caveats };
  }
  const condition = matchConditions(statement['Condition'], request.context, effect);
  const all = [...caveats, ...condition.caveats];
  if (condition.result === false) return miss(effect, true, `condition not met: ${condition.detail}`, all);
  return { effect, applies: condition.result, near: true, detail: condition.detail, caveats: all };
}
