import { diffArrays } from 'diff';
import { normalizeDocument } from './normalize-document';

/** One line of a document diff, for the diff view. */
export interface DiffLine {
  readonly kind: 'added' | 'removed' | 'same';
  readonly text: string;
}

/** A line diff of two documents plus the same change as unified-diff text (for the CLI and backups). */
export interface DocumentDiff {
  readonly lines: ReadonlyArray<DiffLine>;
  readonly unified: string;
}

const CONTEXT = 3;

/** The text the diff compares: normalised and pretty-printed, so key order and AWS's encodings never show as changes. */
export function documentText(doc: unknown): string {
  if (doc === null || doc === undefined) return '';
  return `${JSON.stringify(normalizeDocument(doc), null, 2)}\n`;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function hunkHeader(lines: ReadonlyArray<DiffLine>, start: number, end: number, oldLine: number, newLine: number): string {
  let oldCount = 0;
  let newCount = 0;
  for (let i = start; i < end; i++) {
    const kind = lines[i]?.kind;
    if (kind !== 'added') oldCount++;
    if (kind !== 'removed') newCount++;
  }
  const range = (line: number, count: number): string => `${count === 0 ? line - 1 : line},${count}`;
  return `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`;
}

function unifiedText(lines: ReadonlyArray<DiffLine>): string {
  const changed = lines.flatMap((line, i) => (line.kind === 'same' ? [] : [i]));
  if (changed.length === 0) return '';
  const out = ['--- current', '+++ proposed'];
  const prefix = { added: '+', removed: '-', same: ' ' } as const;
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] ?? 0) - CONTEXT);
    let last = changed[k] ?? 0;
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - last <= 2 * CONTEXT) last = changed[++k] ?? last;
    const end = Math.min(lines.length, last + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let i = 0; i < start; i++) {
      if (lines[i]?.kind !== 'added') oldLine++;
      if (lines[i]?.kind !== 'removed') newLine++;
    }
    out.push(hunkHeader(lines, start, end, oldLine, newLine));
    for (let i = start; i < end; i++) {
      const line = lines[i];
      if (line) out.push(`${prefix[line.kind]}${line.text}`);
    }
    k++;
  }
  return `${out.join('\n')}\n`;
}

/**
 * Line-diffs the normalised texts of two documents (null/undefined = no document yet) with the `diff` package;
 * lines are split first and compared as arrays, which is several times faster than diffLines' tokenizer on big documents.
 */
export function diffDocuments(before: unknown, after: unknown): DocumentDiff {
  const lines: DiffLine[] = [];
  for (const change of diffArrays(splitLines(documentText(before)), splitLines(documentText(after)))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of change.value) lines.push({ kind, text });
  }
  return { lines, unified: unifiedText(lines) };
}
