import type { OverlapConflict } from '../../../shared/policy/overlap-conflict';
import { LongValue } from '../components/long-value';

function part(value: string): string {
  return value === '' ? '(none)' : `"${value}"`;
}

/**
 * One overlapping rule against ours, part by part: events, prefix and suffix of each, and why that part overlaps (S3
 * refuses the document only when all three do); then what would not overlap it.
 */
export function OverlapTable({ conflict, index }: { readonly conflict: OverlapConflict; readonly index: number }) {
  const captionId = `overlap-${index}-caption`;
  const rows = [
    { part: 'Events', theirs: conflict.theirs.events.join(', '), ours: conflict.ours.events.join(', '), why: conflict.why.events },
    { part: 'Prefix', theirs: part(conflict.theirs.prefix), ours: part(conflict.ours.prefix), why: conflict.why.prefix },
    { part: 'Suffix', theirs: part(conflict.theirs.suffix), ours: part(conflict.ours.suffix), why: conflict.why.suffix },
  ];
  return (
    <div className="overlap" data-testid="overlap-conflict" data-rule={conflict.rule}>
      <div className="table-wrap">
        <table className="table overlap-table" aria-labelledby={captionId}>
          <caption id={captionId}>
            Overlaps {conflict.rule}, which sends to <LongValue value={conflict.destination} max={48} />
          </caption>
          <thead>
            <tr>
              <th scope="col">Filter</th>
              <th scope="col">Their rule</th>
              <th scope="col">Our rule</th>
              <th scope="col">Why they overlap</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.part} data-testid={`overlap-${row.part.toLowerCase()}`}>
                <th scope="row">{row.part}</th>
                <td>
                  <code data-testid="theirs">{row.theirs}</code>
                </td>
                <td>
                  <code data-testid="ours">{row.ours}</code>
                </td>
                <td data-testid="why">{row.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="overlap-ways-title">What would not overlap it:</p>
      <ul className="overlap-ways" data-testid="would-not-overlap">
        {conflict.wouldNotOverlap.map((way) => (
          <li key={way.change} data-change={way.change} data-possible={way.possible}>
            {way.possible ? null : <span className="muted">Not possible: </span>}
            {way.text}
            {way.example ? (
              <>
                {' '}
                For example <code data-testid="example">{way.example}</code>.
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
