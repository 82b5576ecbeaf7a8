// A county with many people, inserted the fast way (one transaction, prepared statements), for the
// off-thread export test and the benchmarks.
import type { Database } from 'better-sqlite3';
import { insertPeople, type NewPersonRow } from '../../db/entities/personnel';
import { idNumber, mobile, personName, roleMix, unit } from '../../backend/demo/people';
import { seededRandom } from '../../backend/demo/random';
import { identityFromId } from '../../core/schemas/personnel';
import type { TestBackend } from '../helpers/backend';

export const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县第二次全国污染源普查领导小组办公室',
  headName: '李德明',
  statsHeadName: '王秀英',
  preparerName: '周文斌',
  phone: '0817-8621234',
};

export function peopleRows(n: number, seed = 7): NewPersonRow[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const sex = r.chance(0.55) ? '男' : '女';
    const id = idNumber(r, OFFICE.countyCode, i, sex);
    const role = roleMix(r);
    return {
      // Ten blocks of 10 000 codes: enough for the 100k benchmark.
      personCode: `${OFFICE.countyCode}${(Math.floor(i / 10_000) + 1) % 10}${String(i % 10_000).padStart(4, '0')}`,
      name: personName(r),
      ...identityFromId(id),
      idNumber: id,
      roles: [role],
      ethnicity: '汉族',
      politicalStatus: '群众',
      education: '大学本科',
      employer: unit(r),
      source: '聘用',
      mobile: mobile(r),
      hireStart: '2018-03-01',
      hireEnd: '2019-03-31',
      insuranceStart: '2018-03-01',
      insuranceEnd: '2019-02-28',
      note: i % 17 === 0 ? '兼任村文书' : null,
    };
  });
}

export function insertMany(db: Database, n: number): void {
  const rows = peopleRows(n);
  db.transaction(() => insertPeople(db, rows))();
}

export async function countyWithPeople(b: TestBackend, n: number): Promise<void> {
  await b.ok('setup.init', { office: OFFICE, admin: { name: 'admin', password: 'demo1234' } });
  insertMany(b.db, n);
}
