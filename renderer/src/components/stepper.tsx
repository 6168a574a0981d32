import type { StepId, StepStatus } from '../wizard-state';
import { STEPS } from '../wizard-state';

const STATUS_TEXT: Readonly<Record<StepStatus, string>> = { todo: 'to do', current: 'current', done: 'done', failed: 'failed' };

/** Every step with its state; the current one is marked for assistive technology too. */
export function Stepper({ status }: { readonly status: (id: StepId) => StepStatus }) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="stepper">
        {STEPS.map((s, i) => {
          const st = status(s.id);
          return (
            <li key={s.id} className={`step step-${st}`} aria-current={st === 'current' ? 'step' : undefined}>
              <span className="step-index" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-title">{s.title}</span>
              <span className="step-status">{STATUS_TEXT[st]}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
