import { WIZARD_STEPS, type StepStatus, type WizardStepId } from '../wizard-state';

const STATUS_TEXT: Readonly<Record<StepStatus, string>> = {
  todo: 'to do',
  current: 'current',
  unchanged: 'no change',
  applied: 'applied',
  blocked: 'blocked',
  drift: 'stopped: changed since the plan',
  failed: 'failed',
  done: 'done',
  passed: 'passed',
  skipped: 'skipped',
};

const STATUS_MARK: Readonly<Record<StepStatus, string>> = {
  todo: '',
  current: '',
  unchanged: '=',
  applied: '✓',
  blocked: '⊘',
  drift: '!',
  failed: '!',
  done: '✓',
  passed: '✓',
  skipped: '–',
};

/** Props of the stepper: each step's status, which one is open, and which can be opened. */
export interface StepperProps {
  readonly status: (id: WizardStepId) => StepStatus;
  readonly current?: WizardStepId;
  /** Steps already reached are buttons (when `onSelect` is given and nothing is running). */
  readonly canOpen?: (id: WizardStepId) => boolean;
  readonly onSelect?: (id: WizardStepId) => void;
  readonly disabled?: boolean;
}

/** Every step with its state in text (not colour alone); reached steps can be opened again. */
export function Stepper({ status, current, canOpen, onSelect, disabled = false }: StepperProps) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="stepper">
        {WIZARD_STEPS.map((s, i) => {
          const st = status(s.id);
          const isCurrent = s.id === current || (current === undefined && st === 'current');
          const body = (
            <>
              <span className="step-index" aria-hidden="true">
                {STATUS_MARK[st] || i + 1}
              </span>
              <span className="step-title">{s.title}</span>
              <span className="step-status">{STATUS_TEXT[st]}</span>
            </>
          );
          return (
            <li
              key={s.id}
              className={`step step-${st}${isCurrent ? ' step-open' : ''}`}
              aria-current={isCurrent ? 'step' : undefined}
              data-testid={`stepper-${s.id}`}
              data-status={st}
            >
              {onSelect && canOpen?.(s.id) && !isCurrent ? (
                <button type="button" className="step-button" onClick={() => onSelect(s.id)} disabled={disabled}>
                  {body}
                </button>
              ) : (
                <span className="step-body">{body}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
