// Data entry as the clerk does it, for the specs: open the form, type, choose.
import { expect, type Page } from '@playwright/test';
import { date, fill, firstRun, nav, OFFICE, pick, saveForm } from './ui';

/** A new office set up by the first-run wizard (OFFICE), opened at one of its pages. */
export async function newOfficeAt(page: Page, url: string, navKey: string): Promise<void> {
  await page.goto(url);
  await firstRun(page, OFFICE);
  await nav(page, navKey);
}

/** A township, typed with Enter moving from the code to the name, saved with Ctrl+S. */
export async function addTownship(page: Page, code: string, name: string): Promise<void> {
  await page.getByTestId('township-new').click();
  await fill(page, 'township-code', code);
  await page.keyboard.press('Enter');
  await page.keyboard.type(name);
  await expect(page.locator('#township-name')).toHaveValue(name);
  await saveForm(page);
}

/** Opens and fills the census district form (not saved). */
export async function startDistrict(page: Page, code: string, name: string, township: string): Promise<void> {
  await page.getByTestId('district-new').click();
  await fill(page, 'district-code', code);
  await fill(page, 'district-name', name);
  await pick(page, 'district-townshipId', township);
  await pick(page, 'district-basis', '行政村');
}

/** Opens the person form with a name and one role typed (not saved). */
export async function openPersonForm(page: Page, name: string, role = '普查员'): Promise<void> {
  await page.getByTestId('person-new').click();
  await fill(page, 'person-name', name);
  await pick(page, 'person-roles', role, { multiple: true });
}

/** Opens and fills the person form (not saved): the caller decides whether it may be saved. */
export async function startPerson(
  page: Page,
  name: string,
  role: string,
  idNumber: string,
  township: string,
): Promise<void> {
  await openPersonForm(page, name, role);
  await fill(page, 'person-idNumber', idNumber);
  await fill(page, 'person-mobile', '13890001234');
  await pick(page, 'person-townshipId', township);
}

/** A performance node on the open contract. */
export async function addNode(page: Page, work: string, planned: string, ratio: string): Promise<void> {
  await page.getByTestId('node-new').click();
  await fill(page, 'contractNode-workContent', work);
  await date(page, 'contractNode-plannedDate', planned);
  await fill(page, 'contractNode-payableRatio', ratio);
  await saveForm(page);
}
