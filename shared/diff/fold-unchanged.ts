/** Unchanged lines kept around each change, as a unified diff's context (`diff -U3`). */
export const FOLD_CONTEXT = 3;

/** A stretch of a diff: lines shown, or a run of unchanged lines folded away (expandable on screen). Indexes are [start, end). */
export type DiffSegment =
  { readonly kind: 'shown'; readonly start: number; readonly end: number } | { readonly kind: 'folded'; readonly start: number; readonly end: number };

/**
 * Splits a diff's rows into what is shown and what is folded: every run of unchanged rows longer than the context on
 * both sides (one side at the start or end of the document) is folded, keeping `context` rows next to each change. A
 * fold of fewer than `minimum` rows is not worth a click and stays shown. A diff without any change is one fold.
 */
export function foldUnchanged<T>(rows: ReadonlyArray<T>, isSame: (row: T) => boolean, context = FOLD_CONTEXT, minimum = 4): ReadonlyArray<DiffSegment> {
  const segments: DiffSegment[] = [];
  const show = (start: number, end: number) => {
    if (end <= start) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'shown' && last.end === start) segments[segments.length - 1] = { kind: 'shown', start: last.start, end };
    else segments.push({ kind: 'shown', start, end });
  };
  let i = 0;
  while (i < rows.length) {
    if (!isSame(rows[i] as T)) {
      const start = i;
      while (i < rows.length && !isSame(rows[i] as T)) i++;
      show(start, i);
      continue;
    }
    const start = i;
    while (i < rows.length && isSame(rows[i] as T)) i++;
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = i === rows.length ? 0 : context;
    const foldStart = start + keepBefore;
    const foldEnd = i - keepAfter;
    if (foldEnd - foldStart < minimum) {
      show(start, i);
      continue;
    }
    show(start, foldStart);
    segments.push({ kind: 'folded', start: foldStart, end: foldEnd });
    show(foldEnd, i);
  }
  return segments;
}
