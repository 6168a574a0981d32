import type { ChangeKind, ChangeSummary } from '../../../shared/diff/change-summary';

/** Group order and wording: what changes first, then what is left alone. */
const GROUPS: ReadonlyArray<{ readonly kind: ChangeKind; readonly title: string; readonly sign: string }> = [
  { kind: 'added', title: 'Added', sign: '+' },
  { kind: 'replaced', title: 'Replaced', sign: '~' },
  { kind: 'removed', title: 'Removed', sign: '-' },
  { kind: 'kept', title: "Kept as is (not the wizard's)", sign: '=' },
  { kind: 'unchanged', title: 'Already right', sign: '=' },
];

/** The structural summary of a change, grouped by what happens to each statement or configuration, with counts. */
export function ChangeSummaryList({ summary, idPrefix = 'summary' }: { readonly summary: ChangeSummary; readonly idPrefix?: string }) {
  if (summary.length === 0) return <p className="muted">Nothing to summarise: the document is empty.</p>;
  return (
    <div className="change-summary">
      {GROUPS.map((group) => {
        const items = summary.filter((item) => item.kind === group.kind);
        if (items.length === 0) return null;
        const headingId = `${idPrefix}-${group.kind}`;
        return (
          <div key={group.kind} className={`summary-group summary-${group.kind}`}>
            <h4 id={headingId}>
              {group.title} ({items.length})
            </h4>
            <ul aria-labelledby={headingId}>
              {items.map((item, i) => (
                <li key={`${item.label}:${i}`} data-testid="summary-item" data-kind={item.kind}>
                  <span className="summary-sign" aria-hidden="true">
                    {group.sign}
                  </span>{' '}
                  {item.label}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
