import { readFileSync } from 'node:fs';
import type { FieldIssue } from '../../shared/contract/api-error';

/** What a JSON file is checked with: a zod schema, or any parser of the same `safeParse` shape. */
export interface JsonSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: { readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }> } };
}

/** One JSON file, read and checked: its value, or what was wrong with it, so each caller words its own error and fix. */
export type JsonFileRead<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly problem: 'missing' | 'unreadable' | 'not-json' | 'invalid';
      readonly detail: string;
      readonly issues: ReadonlyArray<FieldIssue>;
    };

/** Plain words for the errors reading a file gives most often. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

/**
 * Reads a JSON file the wizard or the admin wrote (a setup file, a saved setup, a backup) and checks it with `schema`.
 * A UTF-8 byte order mark is accepted: editors on Windows save one, and JSON.parse rejects it.
 */
export async function readJsonFile<T>(path: string, schema: JsonSchema<T>): Promise<JsonFileRead<T>> {
  let text: string;
  try {
    // Synchronous: these files are small, and a read is tens of microseconds (main/store/atomic-write.ts).
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problem: code === 'ENOENT' ? 'missing' : 'unreadable', detail: READ_PROBLEMS[code] ?? code, issues: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problem: 'not-json', detail: (err as Error).message, issues: [] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message }));
  const first = issues[0];
  return { ok: false, problem: 'invalid', detail: first ? `field ${first.field}: ${first.message}` : 'invalid', issues };
}
