import { apiError } from '../contract/api-error';
import { isJsonObject, type JsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { documentsEqual, sameStatement } from '../diff/semantic-form';
import { summarizeChanges } from '../diff/summarize-changes';
import type { MergeResult } from './merge-result';
import type { PolicyDocument, PolicyStatement } from './policy-document';

/** The live document's statements, whether `Statement` is one object or a list (IAM JSON grammar). */
export function statementsOf(doc: JsonObject): ReadonlyArray<unknown> | null {
  const statement = doc['Statement'];
  if (statement === undefined) return [];
  if (Array.isArray(statement)) return statement;
  return isJsonObject(statement) ? [statement] : null;
}

/** Labels of our statements, as the change summary names them. */
export function ourStatementLabels(ours: PolicyDocument): ReadonlySet<string> {
  return new Set(ours.Statement.flatMap((s) => (s.Sid ? [`Statement ${s.Sid}`] : [])));
}

/**
 * Replaces our statements by Sid and keeps everything else (other statements in order, Id, Version, unknown keys).
 * A live statement that already means the same as ours is kept byte for byte, so a re-run changes nothing.
 */
export function mergeStatementsBySid(current: unknown, ours: PolicyDocument, what: string): MergeResult<JsonObject> {
  if (current === null || current === undefined || current === '') {
    const summary = ours.Statement.map((s, i) => ({ kind: 'added' as const, label: s.Sid ? `Statement ${s.Sid}` : `Statement [${i}]` }));
    return { ok: true, document: ours as unknown as JsonObject, summary, changed: true, notes: [] };
  }
  const parsed = parsePolicyDocument(current);
  if (!parsed.ok) {
    return { ok: false, error: { ...parsed.error, message: `The current ${what} could not be read. ${parsed.error.message}` } };
  }
  const live = parsed.value;
  const statements = statementsOf(live);
  if (statements === null) {
    return {
      ok: false,
      error: apiError('BAD_INPUT', `The current ${what} has a "Statement" that is neither an object nor a list.`, {
        fix: `Correct the ${what} in the AWS console, then plan again.`,
      }),
    };
  }
  const ourBySid = new Map<string, PolicyStatement>(ours.Statement.flatMap((s) => (s.Sid ? [[s.Sid, s] as const] : [])));
  const placed = new Set<string>();
  const notes: string[] = [];
  const merged: unknown[] = [];
  for (const statement of statements) {
    const sid = isJsonObject(statement) && typeof statement['Sid'] === 'string' ? statement['Sid'] : null;
    const mine = sid === null ? undefined : ourBySid.get(sid);
    if (sid === null || mine === undefined) {
      merged.push(statement);
    } else if (placed.has(sid)) {
      notes.push(`A second statement with Sid "${sid}" is removed: Sids must be unique within a policy.`);
    } else {
      placed.add(sid);
      merged.push(sameStatement(statement, mine) ? statement : mine);
    }
  }
  for (const s of ours.Statement) if (!s.Sid || !placed.has(s.Sid)) merged.push(s);
  const loneObject = isJsonObject(live['Statement']) && merged.length === 1;
  const head: Record<string, unknown> = { Version: ours.Version };
  if (ours.Id !== undefined) head['Id'] = ours.Id;
  const document: JsonObject = { ...head, ...live, Statement: loneObject ? merged[0] : merged };
  return {
    ok: true,
    document,
    summary: summarizeChanges(live, document, ourStatementLabels(ours)),
    changed: !documentsEqual(live, document),
    notes,
  };
}
