import { summaryHeadline } from '../../shared/diff/change-summary';
import type { StepPlan, StepResult } from '../../shared/steps/step-plan';

const ACTION_TEXT: Readonly<Record<StepPlan['action'], string>> = {
  create: 'will create',
  update: 'will update',
  delete: 'will DELETE',
  unchanged: 'no change',
  blocked: 'BLOCKED',
};

/** One step's plan for a terminal: the structural summary first, then the unified diff (docs/ARCHITECTURE.md#one-request-end-to-end). */
export function formatPlan(plan: StepPlan): string {
  const lines = [`== ${plan.title}: ${ACTION_TEXT[plan.action]}`, `   ${plan.resource}`];
  if (plan.blocked) {
    lines.push(`   error: ${plan.blocked.message}`);
    if (plan.blocked.fix) lines.push(`   fix: ${plan.blocked.fix}`);
    for (const issue of plan.blocked.issues ?? []) lines.push(`   - ${issue.field}: ${issue.message}`);
  }
  if (plan.summary.length > 0) {
    lines.push(`   summary: ${summaryHeadline(plan.summary)}`);
    for (const item of plan.summary) lines.push(`     ${item.kind.padEnd(9)} ${item.label}`);
  }
  for (const w of plan.warnings) lines.push(`   warning: ${w}`);
  for (const n of plan.notes) lines.push(`   note: ${n}`);
  if (plan.draft) lines.push('   draft (nothing can be written while blocked): our rule placed in the live document');
  if (plan.action !== 'unchanged' && plan.diff.unified) lines.push(plan.diff.unified.trimEnd().replace(/^/gm, '   '));
  return `${lines.join('\n')}\n`;
}

/** One applied step for a terminal. */
export function formatResult(result: StepResult, title: string): string {
  return `${title}: ${result.action}${result.backupPath ? ` (backup: ${result.backupPath})` : ''}\n`;
}
