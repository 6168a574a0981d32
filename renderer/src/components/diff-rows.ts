import type { DiffLine } from '../../../shared/diff/diff-documents';

/** One cell of a side-by-side row: a line of that side, or a filler where the other side has a line. */
export type DiffCell = { readonly kind: 'same' | 'removed' | 'added'; readonly text: string } | { readonly kind: 'filler' };

/** One row of the side-by-side view: the current document's line on the left, the proposed one's on the right. */
export interface DiffRow {
  readonly left: DiffCell;
  readonly right: DiffCell;
}

const FILLER: DiffCell = { kind: 'filler' };

/**
 * Aligns a line diff into rows: unchanged lines face each other; a run of removed lines is paired with the run of
 * added lines that follows it (a replacement reads across), and the shorter run is padded with fillers.
 */
export function sideBySideRows(lines: ReadonlyArray<DiffLine>): ReadonlyArray<DiffRow> {
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as DiffLine;
    if (line.kind === 'same') {
      rows.push({ left: line, right: line });
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < lines.length && lines[i]?.kind === 'removed') removed.push(lines[i++] as DiffLine);
    while (i < lines.length && lines[i]?.kind === 'added') added.push(lines[i++] as DiffLine);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      rows.push({ left: removed[k] ?? FILLER, right: added[k] ?? FILLER });
    }
  }
  return rows;
}

/** Counts of added and removed lines, for the view's caption. */
export function diffCounts(lines: ReadonlyArray<DiffLine>): { readonly added: number; readonly removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}
