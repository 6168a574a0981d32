import type { DiffLine } from '../../../shared/diff/diff-documents';
import { diffCounts, sideBySideRows, type DiffCell } from './diff-rows';
import { useMediaQuery } from './use-media-query';
import { countOf } from '../../../shared/util/count-of';

/** Windows at least this wide show the two documents side by side; narrower ones get the unified view. */
const WIDE_QUERY = '(min-width: 900px)';

const SIGN: Readonly<Record<DiffLine['kind'], string>> = { added: '+', removed: '-', same: ' ' };

function Cell({ cell }: { readonly cell: DiffCell }) {
  if (cell.kind === 'filler') return <span className="diff-line diff-filler"> </span>;
  return (
    <span className={`diff-line diff-${cell.kind}`}>
      <span className="diff-sign">{SIGN[cell.kind]}</span>
      {cell.text}
    </span>
  );
}

/**
 * The live document against the proposed one. Added and removed lines carry a +/- sign as well as a colour, so the
 * change never depends on colour alone. One <pre> per side keeps large documents cheap to render.
 */
export function DiffView({
  lines,
  currentLabel = 'Current (live)',
  proposedLabel = 'Proposed',
  currentMissing = false,
  proposedMissing = false,
}: {
  readonly lines: ReadonlyArray<DiffLine>;
  readonly currentLabel?: string;
  readonly proposedLabel?: string;
  /** The live document does not exist yet: its column is empty. */
  readonly currentMissing?: boolean;
  /** The change deletes the resource: the right column is empty. */
  readonly proposedMissing?: boolean;
}) {
  const wide = useMediaQuery(WIDE_QUERY);
  const { added, removed } = diffCounts(lines);
  const caption = added + removed === 0 ? 'No line changes.' : `${countOf(added, 'line')} added, ${countOf(removed, 'line')} removed.`;
  if (lines.length === 0) {
    return (
      <div className="diff" data-testid="diff-view" data-mode="empty">
        <p className="muted">Neither document exists: nothing to compare.</p>
      </div>
    );
  }
  if (!wide) {
    return (
      <div className="diff" data-testid="diff-view" data-mode="unified">
        <p className="diff-caption">
          {currentLabel} → {proposedLabel}: {caption} Lines starting with - are removed, + are added.
          {currentMissing ? ` The ${currentLabel.toLowerCase()} document does not exist yet.` : ''}
        </p>
        <pre className="diff-pane" role="region" tabIndex={0} aria-label={`Unified diff, ${currentLabel} to ${proposedLabel}: ${caption}`}>
          {lines.map((line, i) => (
            <Cell key={i} cell={line} />
          ))}
        </pre>
      </div>
    );
  }
  const rows = sideBySideRows(lines);
  return (
    <div className="diff" data-testid="diff-view" data-mode="side-by-side">
      <p className="diff-caption">{caption} Lines marked - are removed from the left document, + are added in the right one.</p>
      <div className="diff-columns">
        <div className="diff-column">
          <h4 className="diff-heading">
            {currentLabel}
            {currentMissing ? <span className="muted"> (does not exist yet)</span> : null}
          </h4>
          <pre className="diff-pane" role="region" tabIndex={0} aria-label={`${currentLabel} document; removed lines start with -`}>
            {rows.map((row, i) => (
              <Cell key={i} cell={row.left} />
            ))}
          </pre>
        </div>
        <div className="diff-column">
          <h4 className="diff-heading">
            {proposedLabel}
            {proposedMissing ? <span className="muted"> (deleted)</span> : null}
          </h4>
          <pre className="diff-pane" role="region" tabIndex={0} aria-label={`${proposedLabel} document; added lines start with +`}>
            {rows.map((row, i) => (
              <Cell key={i} cell={row.right} />
            ))}
          </pre>
        </div>
      </div>
    </div>
  );
}
