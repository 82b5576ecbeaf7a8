// Shared set-up for the budget and contracts tests: an office profile (人员编号 needs the county
// code), people with valid IDs, the seeded budget tree looked up by name, agencies and contracts.
import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { idCheckChar } from '../../core/validate/idNumber';
import type { TestBackend } from '../helpers/backend';

export const makeId = (birth: string, seq: string, region = '511323') =>
  `${region}${birth}${seq}${idCheckChar(`${region}${birth}${seq}`)}`;

export function setOffice(db: Database) {
  const at = '2018-01-01T00:00:00.000Z';
  db.prepare(
    `INSERT INTO office_profile (id, county_name, county_code, unit_name, census_name, report_rhythm, money_unit, total_row_position, created_at, updated_at)
     VALUES (1, '蓬安县', '511323', '蓬安县污普办', '第二次全国污染源普查', '每月', '元', 'top', ?, ?)`,
  ).run(at, at);
}

let seq = 100;
/** A person with a fresh valid ID; extra fields as person.create takes them. */
export async function addPerson(b: TestBackend, name: string, roles: string[], extra: Record<string, unknown> = {}) {
  seq += 2;
  const p = await b.ok('person.create', {
    name,
    roles: roles as never,
    idNumber: makeId('19800101', String(seq)),
    ...extra,
  });
  return p;
}

/** The seeded budget item (or category) with that name. */
export async function itemNamed(b: TestBackend, name: string) {
  const list = await b.ok('budgetItem.list', { q: name, pageSize: 100 });
  const found = list.rows.find((r) => r.name === name);
  if (!found) throw new Error(`no budget item named ${name}`);
  return found;
}

/** Runs a call that must fail and proves it left every table and the audit log untouched. */
export async function refusedOn(b: TestBackend, method: string, input: unknown) {
  const before = b.snapshot();
  const e = await b.err(method, input);
  expect(b.snapshot()).toEqual(before);
  return e;
}

export const CODE_A = '91350100M000100Y43';
export const CODE_B = '91110000600037341L';
/** Far enough ahead that no reminder fires whatever day the tests run. */
export const FUTURE = '2999-12-31';

export async function addAgency(b: TestBackend, name = '四川某环境检测有限公司', creditCode = CODE_A) {
  return b.ok('agency.create', { name, creditCode });
}

/** A contract paid from 第三方技术服务费 (a category without items, so a leaf). */
export async function addContract(b: TestBackend, extra: Record<string, unknown> = {}) {
  const agencyId = (extra.agencyId as number | undefined) ?? (await addAgency(b)).id;
  const item = await itemNamed(b, '第三方技术服务费');
  return b.ok('contract.create', {
    contractNo: 'PAWP-2018-001',
    name: '蓬安县污染源普查清查技术服务',
    agencyId,
    procurementMethod: '竞争性磋商',
    serviceKinds: ['普查清查', '入户调查'],
    amount: 12_000_000,
    signedDate: '2018-03-01',
    serviceStart: '2018-03-05',
    serviceEnd: FUTURE,
    budgetItemId: item.id,
    ...extra,
  } as never);
}
