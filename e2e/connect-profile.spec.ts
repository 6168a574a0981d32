import { expect, test } from './fixtures';

test('connects through the UI to moto and shows the account', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('moto');
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('us-east-1');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('account-id')).toHaveText('123456789012');
  await expect(page.getByTestId('caller-arn')).toContainText('arn:aws:sts::123456789012:');
});

test('asks for the MFA code of a profile with mfa_serial, then connects', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Profile', { exact: true }).selectOption('ops-mfa');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeDisabled();
  // The label is short and whole, beside its field; the device's ARN is the field's description below it.
  const label = page.locator('label[for="mfa"]');
  const field = page.getByLabel('MFA code', { exact: true });
  await expect(label).toHaveText('MFA code');
  await expect(field).toHaveAccessibleDescription('The 6-digit code of the MFA device arn:aws:iam::123456789012:mfa/admin.');
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
  const [labelBox, fieldBox] = [await label.boundingBox(), await field.boundingBox()];
  expect(labelBox && fieldBox && labelBox.x + labelBox.width <= fieldBox.x && labelBox.y + labelBox.height <= fieldBox.y + fieldBox.height).toBe(true);
  await field.fill('123456');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('account-id')).toHaveText('123456789012');
});

test("shows the sso login command for an SSO profile without a token; the Region follows the chosen profile's and the error goes with it", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const region = page.getByLabel('Region', { exact: true });
  await expect(region).toHaveValue('us-east-1');
  await page.getByLabel('Profile', { exact: true }).selectOption('sso-dev');
  await expect(region).toHaveValue('eu-west-1');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('fix-command')).toHaveText('aws sso login --profile sso-dev');
  await expect(page.getByRole('button', { name: 'Copy command' })).toBeVisible();

  // Another profile: its Region, and the SSO profile's error is gone.
  await page.getByLabel('Profile', { exact: true }).selectOption('moto');
  await expect(region).toHaveValue('us-east-1');
  await expect(page.locator('[data-code="SSO_LOGIN_REQUIRED"]')).toHaveCount(0);
  await expect(page.getByTestId('fix-command')).toHaveCount(0);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('account-id')).toHaveText('123456789012');
});

test('validates the Region as it is typed', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Region', { exact: true }).fill('mars');
  await expect(page.getByText('"mars" is not a Region code: use the form "us-east-1"', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeDisabled();
});

test('the page refuses to work without the token', async ({ page, app }) => {
  await page.goto(`http://127.0.0.1:${app.port}/`);
  await expect(page.getByText('This page has no access token.')).toBeVisible();
});

test('the API refuses requests without the token, with a foreign Host or a foreign Origin', async ({ request, app }) => {
  const base = `http://127.0.0.1:${app.port}`;
  const body = { channel: 'app.info', input: {} };
  expect((await request.post(`${base}/api/invoke`, { data: body })).status()).toBe(401);
  const auth = { authorization: `Bearer ${app.token}` };
  expect((await request.post(`${base}/api/invoke`, { data: body, headers: auth })).status()).toBe(200);
  expect((await request.post(`${base}/api/invoke`, { data: body, headers: { ...auth, host: 'attacker.example' } })).status()).toBe(403);
  expect((await request.post(`${base}/api/invoke`, { data: body, headers: { ...auth, origin: 'http://attacker.example' } })).status()).toBe(403);
});
