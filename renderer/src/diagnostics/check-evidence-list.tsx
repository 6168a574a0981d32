import { evidenceByVerdict, type CheckEvidence, type EvidenceVerdict } from '../../../shared/diagnostics/check-evidence';
import { LongValue } from '../components/long-value';

/** Each answer in words, with a mark (the word carries the meaning, WCAG 1.4.1). */
const VERDICT: Readonly<Record<EvidenceVerdict, { readonly mark: string; readonly word: string }>> = {
  refused: { mark: '✗', word: 'Refused' },
  uncertain: { mark: '?', word: 'Cannot be sure' },
  allowed: { mark: '✓', word: 'Allowed' },
};

/** A policy check's evidence as a list: one request per item (action on resource, for whom), its answer, and what decided it. */
export function CheckEvidenceList({ evidence, title }: { readonly evidence: ReadonlyArray<CheckEvidence>; readonly title: string }) {
  return (
    <ul className="evidence" data-testid="check-evidence" aria-label={`Requests checked: ${title}`}>
      {evidenceByVerdict(evidence).map((e) => (
        <li
          key={`${e.principal}|${e.action}|${e.resource}`}
          className={`evidence-item verdict-${e.verdict}`}
          data-testid="evidence-item"
          data-verdict={e.verdict}
        >
          <p className="evidence-request">
            <span className={`evidence-verdict verdict-${e.verdict}`}>
              <span aria-hidden="true">{VERDICT[e.verdict].mark}</span> {VERDICT[e.verdict].word}:
            </span>{' '}
            <code data-testid="evidence-action">{e.action}</code> on <LongValue value={e.resource} testId="evidence-resource" />
          </p>
          <p className="evidence-why muted">
            for <LongValue value={e.principal} />
            {e.decidedBy ? <> · decided by {e.decidedBy}</> : null} · {e.reason}
          </p>
        </li>
      ))}
    </ul>
  );
}
