// How the specs drive antd widgets: by the field ids the forms give them (`<form>-<field>`).
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server';
import { saveRecoveryCode } from './recovery';

export const SHOTS = join(PROJECT_ROOT, 'test-results/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });

/** A screenshot of the page as it stands (the page runs without motion: nothing is mid-animation). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Types into a text-like field (input, textarea, money, number). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * Chooses an option of a select by its text: `search` types into it first (record pickers search
 * the backend); `multiple` leaves the dropdown with Escape, as a clerk would — once, after the tag
 * shows: a second Esc that arrives after the list has closed belongs to the form, which then asks
 * to discard itself. A single select closes on its chosen option.
 */
export async function pick(
  page: Page,
  id: string,
  text: string,
  opts: { search?: string; multiple?: boolean } = {},
): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  if (opts.search) await input.fill(opts.search);
  const open = page.locator(openDropdown);
  await open.locator('.ant-select-item-option', { hasText: text }).first().click();
  if (opts.multiple) {
    const chosen = page.locator('.ant-select', { has: input }).locator('.ant-select-selection-item', { hasText: text });
    await expect(chosen).toHaveCount(1);
    await input.press('Escape');
  }
  await expect(open).toHaveCount(0);
}

/** Types a date as the clerk would and confirms it with Enter. */
export async function date(page: Page, id: string, iso: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
  await expect(input).toHaveValue(iso);
}

/** Waits until no drawer or dialog is left on screen (antd then gives the focus back to the button that opened it). */
export async function overlaysGone(page: Page): Promise<void> {
  await expect(
    page.locator('.ant-drawer-open, .ant-modal-wrap:visible, .ant-drawer-content-wrapper:visible'),
  ).toHaveCount(0);
}

/** Ctrl+S, then waits for the drawer or dialog to close. */
export async function saveForm(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await overlaysGone(page);
}

export async function nav(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
}

/**
 * The dashboard's checks, read fresh: the page keeps the last counts on screen while it reloads,
 * so this waits for the answer to the reload and until every count shown is the one it carried.
 */
export async function dashboard(page: Page): Promise<(id: string) => Promise<number>> {
  const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard.checks');
  await nav(page, 'dashboard');
  const answer = (await (await reloaded).json()) as { data: { checks: { id: string; count: number }[] } };
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const checks = answer.data.checks.filter((c) => c.id !== 'periodReport');
  const shown = () =>
    page.evaluate(
      (ids) =>
        ids.map((id) => Number(document.querySelector(`[data-testid="check-${id}"]`)?.getAttribute('data-count'))),
      checks.map((c) => c.id),
    );
  await expect.poll(shown).toEqual(checks.map((c) => c.count));
  return async (id: string) => Number(await page.getByTestId(`check-${id}`).getAttribute('data-count'));
}

/** Waits until a virtual list shows the answer to its current query. */
export async function listReady(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId)).toHaveAttribute('data-state', 'ready');
}

/**
 * The first-run wizard: the office's required fields, the county's townships all unticked (a spec
 * adds its own), then the first 管理员 (admin / census2018), then 保存恢复码 (the data file
 * encrypted); returns the 恢复码.
 */
export async function firstRun(page: Page, office: Record<string, string>): Promise<string> {
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  for (const [field, value] of Object.entries(office)) await fill(page, `setup-office-${field}`, value);
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-towns')).toBeVisible();
  await page.getByTestId('setup-towns-none').click();
  await expect(page.getByTestId('setup-towns-summary')).toContainText('已选 0 个乡镇（街道）');
  await page.getByTestId('setup-next').click();
  await fill(page, 'setup-admin-name', 'admin');
  await fill(page, 'setup-admin-password', 'census2018');
  await fill(page, 'setup-admin-confirm', 'census2018');
  await page.getByTestId('setup-next').click();
  const code = await saveRecoveryCode(page);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  return code;
}

/** Logs in on the login page as the first-run 管理员 (admin / census2018) and waits for the dashboard. */
export async function loginAsFirstAdmin(page: Page): Promise<void> {
  await expect(page.getByTestId('login')).toBeVisible();
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'census2018');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** A call through the API the page itself uses, with its token and session (for records set up off-screen). */
export async function pageCall<T = unknown>(
  page: Page,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; data: T; error?: { message: string } }> {
  return page.evaluate(
    async ([m, body]) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      headers['X-CensusDesk-Token'] = sessionStorage.getItem('censusdesk.token') ?? '';
      headers['X-CensusDesk-Session'] = sessionStorage.getItem('censusdesk.session') ?? '';
      return (await (await fetch(`/api/${m}`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as {
        ok: boolean;
        data: never;
        error?: { message: string };
      };
    },
    [method, input] as const,
  );
}

/** pageCall that fails the test with the backend's message when the call is refused. */
export async function pageApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await pageCall<T>(page, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.data;
}

/** The office most specs set up at the first-run wizard. */
export const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县第二次全国污染源普查领导小组办公室',
  headName: '李建国',
  statsHeadName: '陈静',
  preparerName: '周文斌',
  phone: '0817-8621234',
};
