import { useId, useState } from 'react';
import { WIZARD_STEPS, type StepStatus, type WizardStepId } from '../wizard-state';
import { useMediaQuery } from './use-media-query';

/** Below this width the sidebar gives its room to the page: the steps fold into one bar (issue: narrow windows). */
export const COMPACT_STEPPER_QUERY = '(max-width: 999px)';

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

/**
 * Every step with its state in text (not colour alone); reached steps can be opened again. It stays in view on long
 * pages (sticky); on a narrow window it folds into one bar naming the open step, which opens the list (a disclosure
 * button, WAI-ARIA APG "Disclosure") and closes it again when a step is chosen.
 */
export function Stepper({ status, current, canOpen, onSelect, disabled = false }: StepperProps) {
  const compact = useMediaQuery(COMPACT_STEPPER_QUERY);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const openIndex = Math.max(
    0,
    WIZARD_STEPS.findIndex((s) => s.id === current || (current === undefined && status(s.id) === 'current')),
  );
  const openStep = WIZARD_STEPS[openIndex] ?? WIZARD_STEPS[0];
  const select = (id: WizardStepId) => {
    setOpen(false);
    onSelect?.(id);
  };
  return (
    <nav aria-label="Wizard steps" className={`stepper-nav${compact ? ' compact' : ''}`} data-testid="stepper" data-compact={compact}>
      {compact && openStep ? (
        <button
          type="button"
          className="stepper-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
          data-testid="stepper-toggle"
        >
          <span className="stepper-toggle-text">
            Step {openIndex + 1} of {WIZARD_STEPS.length}: <strong>{openStep.title}</strong>{' '}
            <span className="step-status">({STATUS_TEXT[status(openStep.id)]})</span>
          </span>
          <span className="stepper-toggle-hint">{open ? 'Hide steps' : 'All steps'}</span>
        </button>
      ) : null}
      <ol className="stepper" id={listId} hidden={compact && !open}>
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
                <button type="button" className="step-button" onClick={() => select(s.id)} disabled={disabled}>
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
