/** What happened to one statement or configuration: 'kept' = someone else's, left as is; 'unchanged' = ours, already right. */
export type ChangeKind = 'added' | 'replaced' | 'kept' | 'removed' | 'unchanged';

/** One line of the structural summary an admin reads before the line diff. */
export interface ChangeSummaryItem {
  readonly kind: ChangeKind;
  readonly label: string;
}

/** The structural summary of a change, in document order (removed items last). */
export type ChangeSummary = ReadonlyArray<ChangeSummaryItem>;

const ORDER: ReadonlyArray<ChangeKind> = ['added', 'replaced', 'removed', 'unchanged', 'kept'];

/** One sentence for a list or a CLI line, e.g. "1 added, 3 kept". */
export function summaryHeadline(summary: ChangeSummary): string {
  const parts = ORDER.flatMap((kind) => {
    const count = summary.filter((item) => item.kind === kind).length;
    return count > 0 ? [`${count} ${kind}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'empty document';
}
