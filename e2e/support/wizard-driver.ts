import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';

/** The platform's values for the scope form, as the console shows them. */
export const PLATFORM = {
  platformSetupRoleArn: 'arn:aws:iam::111122223333:role/platform-setup',
  platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load',
  externalId: 'org-0123456789',
} as const;

/** What the scope form is filled with. */
export interface ScopeValues {
  readonly bucket: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * Saves a full-page screenshot for the README (docs/screenshots/<name>.png) when `enabled` and the run was asked to
 * refresh them (`UPDATE_SCREENSHOTS=1 npx playwright test`), so an ordinary test run leaves the checkout unchanged.
 */
export async function screenshot(page: Page, name: string, enabled: boolean): Promise<void> {
  if (!enabled || process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Opens the app on a new setup (first run) and connects the `moto` profile; stays on the Connected panel. */
export async function connect(page: Page): Promise<void> {
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('moto');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('account-id')).toHaveText('123456789012');
}

/** Connects the `moto` profile from a view that needs a connection (diagnostics, export); the header then shows the account. */
export async function connectHere(page: Page): Promise<void> {
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('moto');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('header-connection')).toContainText('123456789012');
}

/**
 * Fills the scope form (bucket typed, platform values pasted as JSON), saves it, and on the review of the whole plan
 * starts applying (the queue step opens); with `review: 'stay'` it stops on the review page.
 */
export async function fillScope(page: Page, values: ScopeValues, shots = false, review: 'start' | 'stay' = 'start'): Promise<void> {
  const scope = page.getByTestId('step-panel-scope');
  await scope.getByLabel('Bucket', { exact: true }).fill(values.bucket);
  await expect(scope.getByText('Bucket found; it is in us-east-1.')).toBeVisible();
  if (values.prefix) await scope.getByLabel('Object key prefix').fill(values.prefix);
  if (values.suffix) await scope.getByLabel('Object key suffix').fill(values.suffix);
  await scope
    .getByLabel('Paste the values from the platform console')
    .fill(JSON.stringify({ setupRoleArn: PLATFORM.platformSetupRoleArn, load_role_arn: PLATFORM.platformLoadRoleArn, orgId: PLATFORM.externalId }, null, 2));
  await scope.getByRole('button', { name: 'Fill from JSON' }).click();
  await expect(scope.getByTestId('paste-result')).toHaveText('Filled platform setup role ARN, platform load role ARN, external ID.');
  await expect(scope.getByLabel('External ID')).toHaveValue(PLATFORM.externalId);
  await screenshot(page, '02-scope', shots);
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  if (review === 'start') await startApplying(page, shots);
}

/** On the review page: waits for the whole plan, then "Start applying" (the queue step opens). */
export async function startApplying(page: Page, shots = false): Promise<void> {
  const review = page.getByTestId('step-panel-review');
  await expect(review.getByTestId('review-headline')).toBeVisible({ timeout: 20_000 });
  await screenshot(page, '02b-review', shots);
  await review.getByTestId('review-start').click();
  await expect(page.getByTestId('step-panel-queue')).toBeVisible();
}

/** Waits for a step's plan and returns its action ('create', 'update', 'unchanged' or 'blocked'). */
export async function planOf(page: Page, step: string): Promise<string> {
  const panel = page.getByTestId(`step-panel-${step}`);
  const action = panel.getByTestId('plan-action');
  await expect(action).toBeVisible({ timeout: 20_000 });
  return (await action.getAttribute('data-action')) ?? '';
}

/** Applies the open step (Apply, or "No change — continue"), checks the result and moves on; returns the plan's action. */
export async function applyStep(page: Page, step: string, shot: string | null = null): Promise<string> {
  const panel = page.getByTestId(`step-panel-${step}`);
  const action = await planOf(page, step);
  if (shot) await screenshot(page, shot, true);
  if (action === 'unchanged') {
    await panel.getByTestId('continue-button').click();
    return action;
  }
  await panel.getByTestId('apply-button').click();
  await expect(panel.getByTestId('result-action')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('backup-path')).toContainText('.json');
  // Once applied, the badge says what was done; a backup of a resource that did not exist says so (it records document: null).
  // The SNS fan-out plans an update of its document (the other teams' live queue policies are in it) and reports the
  // topic it creates as "created": what the setup then owns (main/steps/definitions/sns-fan-out.ts).
  const done = action === 'create' || step === 'snsFanOut' ? 'created' : 'updated';
  await expect(panel.getByTestId('plan-action')).toHaveAttribute('data-result', done);
  await expect(panel.getByTestId('plan-action')).toHaveText(done);
  await expect(panel.getByTestId('backup-line')).toContainText(
    action === 'create' ? 'Nothing existed before this write; recorded for restore in ' : 'Backup of the previous document: ',
  );
  await expect(page.getByTestId(`stepper-${step}`)).toHaveAttribute('data-status', 'applied');
  await panel.getByRole('button', { name: 'Continue', exact: true }).click();
  return action;
}

/** The README screenshot of each AWS step, numbered after the profile and scope screens (the KMS key policy and SNS fan-out steps came later: 04b, 04c). */
const SHOT_NAMES: Readonly<Record<AwsStepId, string>> = {
  queue: '03-queue',
  queuePolicy: '04-queue-policy',
  kmsKeyPolicy: '04b-kms-key-policy',
  snsFanOut: '04c-sns-fan-out',
  bucketNotification: '05-bucket-notification',
  roleTrust: '06-role-trust',
  rolePermissions: '07-role-permissions',
};

/** Runs every AWS step in order and stops on the live test; returns each step's plan action. */
export async function applyAwsSteps(page: Page, shots = false): Promise<Record<string, string>> {
  const actions: Record<string, string> = {};
  for (const step of AWS_STEP_IDS) actions[step] = await applyStep(page, step, shots ? SHOT_NAMES[step] : null);
  await expect(page.getByTestId('step-panel-liveTest')).toBeVisible();
  return actions;
}

/** On the live test step: Skip, which goes on to the summary and hand-off without verifying. */
export async function skipLiveTest(page: Page): Promise<void> {
  await page.getByTestId('step-panel-liveTest').getByTestId('livetest-skip').click();
  await expect(page.getByTestId('step-panel-summary')).toBeVisible();
  await expect(page.getByTestId('stepper-liveTest')).toHaveAttribute('data-status', 'skipped');
}

/** On the live test step: sets the timeout (when given), runs the test and waits for its result panel; returns whether it passed. */
export async function runLiveTest(page: Page, timeoutSeconds?: number): Promise<boolean> {
  const panel = page.getByTestId('step-panel-liveTest');
  if (timeoutSeconds !== undefined) await panel.getByLabel('Timeout (seconds)').fill(String(timeoutSeconds));
  await panel.getByTestId('livetest-run').click();
  const result = panel.getByTestId('live-result');
  await expect(result).toBeVisible({ timeout: ((timeoutSeconds ?? 120) + 30) * 1000 });
  return (await result.getAttribute('data-ok')) === 'true';
}

/** Runs every AWS step in order, then skips the live test; returns each step's plan action. Ends on the summary. */
export async function applyAll(page: Page, shots = false): Promise<Record<string, string>> {
  const actions = await applyAwsSteps(page, shots);
  await skipLiveTest(page);
  return actions;
}

/** Opens the app on a new setup, connects, fills the scope and continues to the queue step. */
export async function startNewSetup(page: Page, url: string, values: ScopeValues, shots = false): Promise<void> {
  await page.goto(url);
  await connect(page);
  await screenshot(page, '01-profile', shots);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  // Focus moves to the new step's heading.
  await expect(page.getByTestId('step-panel-scope').getByRole('heading', { name: 'Scope' })).toBeFocused();
  await fillScope(page, values, shots);
}

/** A complete first run on a new setup: connect, scope, the AWS steps, the live test skipped; ends on the summary. */
export async function fullRun(page: Page, url: string, values: ScopeValues, shots = false): Promise<Record<string, string>> {
  await startNewSetup(page, url, values, shots);
  return applyAll(page, shots);
}
