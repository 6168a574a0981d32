import { isJsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { evaluateStatement } from './evaluate-statement';
import type { PolicyDecision, PolicyRequest } from './policy-request';

interface Labelled {
  readonly label: string;
  readonly where: string;
  readonly detail: string;
}

function labelOf(statement: unknown, index: number): string {
  const sid = isJsonObject(statement) ? statement['Sid'] : undefined;
  return typeof sid === 'string' && sid !== '' ? sid : `Statement[${index}]`;
}

function statementsOf(policy: unknown): { readonly statements: ReadonlyArray<unknown> } | { readonly problem: string } {
  const parsed = parsePolicyDocument(policy);
  if (!parsed.ok) return { problem: parsed.error.message };
  const statement = parsed.value['Statement'];
  if (Array.isArray(statement)) return { statements: statement };
  if (isJsonObject(statement)) return { statements: [statement] };
  return { problem: 'it has no Statement object or list' };
}

/**
 * IAM's evaluation order for one request over a set of policies: an explicit Deny anywhere wins, otherwise an Allow
 * decides, otherwise the implicit default deny (IAM User Guide, "Policy evaluation logic").
 */
export function evaluatePolicies(policies: ReadonlyArray<unknown>, request: PolicyRequest): PolicyDecision {
  let allow: Labelled | null = null;
  const near: string[] = [];
  const unreadable: string[] = [];
  for (const [p, policy] of policies.entries()) {
    const where = policies.length > 1 ? ` (policy ${p + 1})` : '';
    const read = statementsOf(policy);
    if ('problem' in read) {
      unreadable.push(`policy ${p + 1} could not be read: ${read.problem}`);
      continue;
    }
    for (const [i, statement] of read.statements.entries()) {
      const label = labelOf(statement, i);
      const verdict = evaluateStatement(statement, request);
      if (verdict.applies && verdict.effect === 'Deny') {
        return { allowed: false, decidedBy: label, reason: `${label}${where} explicitly denies ${request.action} (${verdict.detail}); an explicit Deny wins.` };
      }
      if (verdict.applies && allow === null) allow = { label, where, detail: verdict.detail };
      else if (!verdict.applies && verdict.near && verdict.effect === 'Allow') near.push(`${label}${where}: ${verdict.detail}`);
    }
  }
  if (allow !== null) {
    return { allowed: true, decidedBy: allow.label, reason: `${allow.label}${allow.where} allows ${request.action} (${allow.detail}).` };
  }
  const closest = near.length > 0 ? ` Closest: ${near.slice(0, 3).join('; ')}.` : '';
  const problems = unreadable.length > 0 ? ` Note: ${unreadable.join('; ')}.` : '';
  return { allowed: false, decidedBy: null, reason: `No statement allows ${request.action}, so it is denied by default.${closest}${problems}` };
}
