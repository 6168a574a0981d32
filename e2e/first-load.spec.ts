import { expect, test } from './fixtures';
import { connect } from './support/wizard-driver';

test.use({ viewport: { width: 1280, height: 900 } });

test('the first load names the product as the README does, logs no error, fetches nothing that is missing and draws no focus ring', async ({ page, app }) => {
  const errors: string[] = [];
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });

  await page.goto(app.url);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('moto');
  await expect(page).toHaveTitle('sqs-s3-wizard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sqs-s3-wizard');
  // The favicon is served (no 404), and nothing has the focus until the admin acts: no ring on the first heading.
  await expect.poll(() => page.evaluate(async () => (await fetch('./favicon.svg')).status)).toBe(200);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await expect(page.getByRole('heading', { name: 'Connect an AWS profile' })).not.toBeFocused();

  await connect(page);
  // After the admin acts, the new panel's heading takes the focus as before (keyboard and screen-reader users land on it).
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeFocused();
  expect(errors).toEqual([]);
  expect(missing).toEqual([]);
});
