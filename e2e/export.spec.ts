import { expect, test } from './fixtures';
import { ACCOUNT, createBucket, seedClients } from './support/aws-seed';
import { saveSetup, testSetup } from './support/api-client';
import { expectAccessible } from './support/axe';
import { strFromU8, unzipSync } from 'fflate';
import { downloadBytes, downloadOne } from './support/downloads';
import { connectHere, fullRun, screenshot } from './support/wizard-driver';

const BUCKET = 'orders-landing';
const FILES = [
  'README.md',
  'apply.sh',
  'queue-policy.json',
  'bucket-notification.json',
  'trust-policy.json',
  'permissions-policy.json',
  'platform-registration.json',
];
const BASE_FILES = FILES.slice(2, 6).map((name) => `base/${name}`);

test.use({ viewport: { width: 1280, height: 900 } });

test('Export on a configured setup lists the 7 files merged with the live account, shows each and downloads apply.sh, and all files as one zip of the folder apply.sh expects', async ({
  page,
  app,
  motoUrl,
}) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await fullRun(page, app.url, { bucket: BUCKET, prefix: 'incoming/', suffix: '.csv' });
  await page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Setups' }).click();
  await page.getByRole('button', { name: `Export ${BUCKET}` }).click();

  const view = page.getByTestId('export-view');
  await expect(view.getByRole('heading', { name: `Export of ${BUCKET}` })).toBeFocused();
  const result = view.getByTestId('export-result');
  await expect(result).toHaveAttribute('data-merged', 'true', { timeout: 20_000 });
  await expect(result.getByTestId('export-merge-state')).toContainText(`Merged with the live documents of account ${ACCOUNT}`);
  const files = result.getByTestId('export-file');
  await expect(files).toHaveCount(7);
  expect(await files.evaluateAll((items) => items.map((i) => i.getAttribute('data-name')))).toEqual(FILES);
  await expect(result.getByTestId('export-base-file')).toHaveCount(4);
  for (const name of FILES) await expect(result.locator(`[data-testid="export-file"][data-name="${name}"] .export-file-description`)).not.toBeEmpty();

  // Each file's content can be viewed in place.
  const registration = result.locator('[data-testid="export-file"][data-name="platform-registration.json"]');
  const content = registration.getByLabel('Content of platform-registration.json');
  await expect(content).toBeHidden();
  await registration.getByText('View platform-registration.json').click();
  await expect(content).toContainText(`"roleArn": "arn:aws:iam::${ACCOUNT}:role/platform-s3-sqs-consumer-role"`);
  await screenshot(page, '15-export', true);
  await expectAccessible(page, 'export, merged, one file open');

  const script = await downloadOne(page, result.getByRole('button', { name: 'Download apply.sh' }));
  expect(script.name).toBe('apply.sh');
  expect(script.content.startsWith('#!')).toBe(true);
  expect(script.content).toContain('put-bucket-notification-configuration');
  expect(script.content).toContain(ACCOUNT);

  // Download all: one zip, the folder as the CLI writes it (base/ beside apply.sh), not one download per file with flattened names.
  await expect(result.getByTestId('export-download-all')).toHaveText(`Download all as ${BUCKET}-export.zip`);
  const zip = await downloadBytes(page, result.getByTestId('export-download-all'));
  expect(zip.name).toBe(`${BUCKET}-export.zip`);
  const entries = unzipSync(zip.bytes);
  expect(Object.keys(entries)).toEqual([...FILES, ...BASE_FILES].map((name) => `${BUCKET}-export/${name}`));
  const text = (name: string) => strFromU8(entries[`${BUCKET}-export/${name}`] ?? new Uint8Array());
  expect(text('apply.sh')).toBe(script.content);
  // Applied already: the live queue policy the export was merged with is the exported one.
  expect(text('base/queue-policy.json')).toBe(text('queue-policy.json'));
  expect(JSON.parse(text('platform-registration.json'))).toMatchObject({ roleArn: `arn:aws:iam::${ACCOUNT}:role/platform-s3-sqs-consumer-role` });
});

test('Export without a connection is offline for a typed account ID and says the documents were not merged', async ({ page, request, app, motoUrl }) => {
  await createBucket(seedClients(motoUrl), BUCKET);
  await saveSetup(request, app, testSetup(BUCKET));
  await page.goto(app.url);
  await page.getByRole('button', { name: `Export ${BUCKET}` }).click();
  const view = page.getByTestId('export-view');
  await expect(page.getByTestId('connect-first')).toBeVisible();
  const accountId = view.getByLabel('Account ID');
  await accountId.fill('12345');
  await expect(view.locator('#export-account-id-help')).toHaveText('A 12-digit AWS account ID, such as 123456789012.');
  await view.getByTestId('export-offline').click();
  await expect(accountId).toBeFocused();
  await accountId.fill('210987654321');
  await view.getByTestId('export-offline').click();

  const result = view.getByTestId('export-result');
  await expect(result).toHaveAttribute('data-merged', 'false');
  await expect(result.getByTestId('export-merge-state')).toContainText('Offline export for account 210987654321');
  await expect(result.getByTestId('export-notes')).toContainText('were NOT merged with the live documents');
  await expect(result.getByTestId('export-file')).toHaveCount(7);
  await expectAccessible(page, 'export, offline');
  const registration = await downloadOne(page, result.getByRole('button', { name: 'Download platform-registration.json' }));
  expect(JSON.parse(registration.content)).toMatchObject({
    roleArn: 'arn:aws:iam::210987654321:role/platform-s3-sqs-consumer-role',
    queueArn: `arn:aws:sqs:us-east-1:210987654321:${BUCKET}-s3-events`,
  });

  // Connecting here turns it into a merged export of the connected account.
  await connectHere(page);
  await expect(result).toHaveAttribute('data-merged', 'true', { timeout: 20_000 });
});
