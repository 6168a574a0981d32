import { expect, type Locator, type Page } from '@playwright/test';

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement, undefined, { timeout: 1_000 }).catch(() => false);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus: the focus moves only as a keyboard user
 * moves it. Fails when `max` presses do not reach it (the target is not in the tab order).
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 80 }: { readonly backwards?: boolean; readonly max?: number } = {},
): Promise<void> {
  await expect(target).toBeVisible({ timeout: 20_000 });
  await expect(target).toBeEnabled({ timeout: 20_000 });
  for (let presses = 0; presses <= max; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Tabs to a control and activates it with a key (Enter by default; Space for a button works too). */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter', options: { readonly backwards?: boolean } = {}): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}

/** Tabs to a text field and types into it, replacing what it held (Ctrl+A selects the old text). */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}
