import { isJsonObject, type JsonObject } from '../diff/json-object';
import { matchConditions } from './match-conditions';
import { describeCaller, matchPrincipal } from './match-principal';
import type { PolicyRequest } from './policy-request';
import { wildcardMatch } from './wildcard-match';

/** Whether one statement takes part in the decision, and why; `uncertain` = an unmodelled condition operator. */
export interface StatementVerdict {
  readonly effect: 'Allow' | 'Deny' | null;
  readonly applies: boolean;
  /** True when the statement's action (and principal) match, so a miss is worth reporting as "closest". */
  readonly near: boolean;
  readonly detail: string;
}

function strings(value: unknown): ReadonlyArray<string> {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function matchList(statement: JsonObject, key: string, notKey: string, value: string, ignoreCase: boolean): boolean | null {
  if (statement[key] !== undefined) return strings(statement[key]).some((p) => wildcardMatch(p, value, ignoreCase));
  if (statement[notKey] !== undefined) return !strings(statement[notKey]).some((p) => wildcardMatch(p, value, ignoreCase));
  return null;
}

function miss(effect: 'Allow' | 'Deny', near: boolean, detail: string): StatementVerdict {
  return { effect, applies: false, near, detail };
}

/** Evaluates one statement against a request (IAM policy evaluation logic: principal, action, resource, conditions). */
export function evaluateStatement(statement: unknown, request: PolicyRequest): StatementVerdict {
  if (!isJsonObject(statement)) return { effect: null, applies: false, near: false, detail: 'not an object' };
  const effect = statement['Effect'] === 'Allow' || statement['Effect'] === 'Deny' ? statement['Effect'] : null;
  if (effect === null) return { effect, applies: false, near: false, detail: 'its Effect is neither Allow nor Deny' };
  const action = matchList(statement, 'Action', 'NotAction', request.action, true);
  if (action !== true) return miss(effect, false, action === null ? 'it has no Action' : `it does not cover ${request.action}`);
  if (request.principal) {
    const caller = describeCaller(request.principal);
    if (statement['Principal'] !== undefined) {
      if (!matchPrincipal(statement['Principal'], request.principal)) return miss(effect, false, `its Principal does not include ${caller}`);
    } else if (statement['NotPrincipal'] !== undefined) {
      if (matchPrincipal(statement['NotPrincipal'], request.principal)) return miss(effect, false, `its NotPrincipal excludes ${caller}`);
    } else {
      return miss(effect, false, 'it has no Principal');
    }
  }
  if (request.resource !== undefined) {
    const resource = matchList(statement, 'Resource', 'NotResource', request.resource, false);
    if (resource === false) return miss(effect, true, `its Resource does not cover ${request.resource}`);
  }
  const condition = matchConditions(statement['Condition'], request.context);
  if (condition.result === 'false') return miss(effect, true, `condition not met: ${condition.detail}`);
  if (condition.result === 'unknown') {
    return effect === 'Deny'
      ? { effect, applies: true, near: true, detail: `${condition.detail}, so this Deny is treated as applying (conservative)` }
      : miss(effect, true, `${condition.detail}, so this Allow is not counted (conservative)`);
  }
  return { effect, applies: true, near: true, detail: condition.detail };
}
