// The first-run wizard's 保存恢复码 step as a clerk goes through it: the code read off the page (8
// groups), 下一步, the two groups asked typed back, and the data file encrypted.
import { expect, type Page } from '@playwright/test';

/** The code the step shows, as printed (`dddd-dddd-…`). */
export async function shownRecoveryCode(page: Page): Promise<string> {
  await expect(page.getByTestId('recovery-step')).toHaveAttribute('data-phase', 'show');
  const code = await page.getByTestId('recovery-code').getAttribute('data-code');
  expect(code).toMatch(/^\d{4}(-\d{4}){7}$/);
  return code!;
}

/** The group numbers (1-based) the confirmation asks for. */
export async function askedGroups(page: Page): Promise<[number, number]> {
  await expect(page.getByTestId('recovery-step')).toHaveAttribute('data-phase', 'confirm');
  const [a, b] = ((await page.getByTestId('recovery-asked').getAttribute('data-groups')) ?? '').split(',').map(Number);
  return [a, b];
}

/** Types two groups into the confirmation and confirms. */
export async function typeGroups(page: Page, first: string, second: string): Promise<void> {
  await page.locator('#recovery-confirm-0').fill(first);
  await page.locator('#recovery-confirm-1').fill(second);
  await page.getByTestId('recovery-confirm').click();
}

/** Goes through the whole step (code shown → two groups typed back → encrypted); returns the code. */
export async function saveRecoveryCode(page: Page): Promise<string> {
  const code = await shownRecoveryCode(page);
  await page.getByTestId('recovery-next').click();
  const [a, b] = await askedGroups(page);
  const groups = code.split('-');
  await typeGroups(page, groups[a - 1], groups[b - 1]);
  return code;
}
