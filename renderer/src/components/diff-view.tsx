import { Fragment, useState, type ReactNode } from 'react';
import type { DiffLine } from '../../../shared/diff/diff-documents';
import { foldUnchanged, type DiffSegment } from '../../../shared/diff/fold-unchanged';
import { countOf } from '../../../shared/util/count-of';
import { diffCounts, sideBySideRows, type DiffCell } from './diff-rows';
import { useMediaQuery } from './use-media-query';

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

/** A folded run: the button that unfolds it (in the first pane), or its place kept in the other pane. */
function Fold({ segment, onOpen }: { readonly segment: DiffSegment; readonly onOpen?: () => void }) {
  const count = countOf(segment.end - segment.start, 'unchanged line');
  if (!onOpen)
    return (
      <span className="diff-line diff-fold-gap" aria-hidden="true">
        ⋯
      </span>
    );
  return (
    <button type="button" className="diff-line diff-fold" onClick={onOpen} data-testid="diff-fold" data-count={segment.end - segment.start}>
      ⋯ {count}: show
    </button>
  );
}

/** One pane's lines: shown segments as lines, folded ones as a fold line (a button in the pane that carries it). */
function Pane<T>({
  rows,
  segments,
  isOpen,
  onOpen,
  cell,
}: {
  readonly rows: ReadonlyArray<T>;
  readonly segments: ReadonlyArray<DiffSegment>;
  readonly isOpen: (segment: DiffSegment) => boolean;
  readonly onOpen: ((segment: DiffSegment) => void) | null;
  readonly cell: (row: T) => DiffCell;
}): ReactNode {
  return segments.map((segment) => (
    <Fragment key={segment.start}>
      {segment.kind === 'folded' && !isOpen(segment) ? (
        <Fold segment={segment} {...(onOpen ? { onOpen: () => onOpen(segment) } : {})} />
      ) : (
        rows.slice(segment.start, segment.end).map((row, i) => <Cell key={segment.start + i} cell={cell(row)} />)
      )}
    </Fragment>
  ));
}

/**
 * The live document against the proposed one. Added and removed lines carry a +/- sign as well as a colour, so the
 * change never depends on colour alone. Unchanged stretches are folded to three lines of context around each change,
 * each fold a button that shows it ("Show every line" unfolds them all). One <pre> per side keeps large documents cheap.
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
  const mode = wide ? 'side-by-side' : 'unified';
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  const { added, removed } = diffCounts(lines);
  const caption = added + removed === 0 ? 'No line changes.' : `${countOf(added, 'line')} added, ${countOf(removed, 'line')} removed.`;
  if (lines.length === 0) {
    return (
      <div className="diff" data-testid="diff-view" data-mode="empty">
        <p className="muted">Neither document exists: nothing to compare.</p>
      </div>
    );
  }
  const rows = wide ? sideBySideRows(lines) : lines;
  const segments = wide
    ? foldUnchanged(rows as ReturnType<typeof sideBySideRows>, (row) => row.left.kind === 'same')
    : foldUnchanged(lines, (line) => line.kind === 'same');
  const folds = segments.filter((s) => s.kind === 'folded');
  const foldedLines = folds.reduce((n, s) => n + s.end - s.start, 0);
  const isOpen = (s: DiffSegment) => all || opened.has(`${mode}:${s.start}`);
  const open = (s: DiffSegment) => setOpened((o) => new Set([...o, `${mode}:${s.start}`]));
  const foldNote =
    folds.length > 0 ? (
      <span className="diff-fold-note">
        {' '}
        {all ? 'Every line is shown.' : `${countOf(foldedLines, 'unchanged line')} folded.`}{' '}
        <button type="button" className="secondary small" onClick={() => setAll(!all)} data-testid="diff-fold-all" aria-pressed={all}>
          Show every line
        </button>
      </span>
    ) : null;

  if (!wide) {
    return (
      <div className="diff" data-testid="diff-view" data-mode="unified">
        <p className="diff-caption">
          {currentLabel} → {proposedLabel}: {caption} Lines starting with - are removed, + are added.
          {currentMissing ? ` The ${currentLabel.toLowerCase()} document does not exist yet.` : ''}
          {foldNote}
        </p>
        <pre className="diff-pane" role="region" tabIndex={0} aria-label={`Unified diff, ${currentLabel} to ${proposedLabel}: ${caption}`}>
          <Pane rows={lines} segments={segments} isOpen={isOpen} onOpen={open} cell={(line) => line} />
        </pre>
      </div>
    );
  }
  const sideRows = rows as ReturnType<typeof sideBySideRows>;
  return (
    <div className="diff" data-testid="diff-view" data-mode="side-by-side">
      <p className="diff-caption">
        {caption} Lines marked - are removed from the left document, + are added in the right one.
        {foldNote}
      </p>
      <div className="diff-columns">
        <div className="diff-column">
          <h4 className="diff-heading">
            {currentLabel}
            {currentMissing ? <span className="muted"> (does not exist yet)</span> : null}
          </h4>
          <pre className="diff-pane" role="region" tabIndex={0} aria-label={`${currentLabel} document; removed lines start with -`}>
            <Pane rows={sideRows} segments={segments} isOpen={isOpen} onOpen={open} cell={(row) => row.left} />
          </pre>
        </div>
        <div className="diff-column">
          <h4 className="diff-heading">
            {proposedLabel}
            {proposedMissing ? <span className="muted"> (deleted)</span> : null}
          </h4>
          <pre className="diff-pane" role="region" tabIndex={0} aria-label={`${proposedLabel} document; added lines start with +`}>
            <Pane rows={sideRows} segments={segments} isOpen={isOpen} onOpen={null} cell={(row) => row.right} />
          </pre>
        </div>
      </div>
    </div>
  );
}
