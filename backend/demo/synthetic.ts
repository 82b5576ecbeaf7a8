// Synthetic rosters for benchmarks: n people as a clerk would type them (API input shape), valid
// by construction. 人员编号 are given explicitly because 4-digit sequences per role cannot number
// 100k people of one county; benchmarks are about volume, not about one real county.
import { idNumber, mobile, personName, roleMix, unit } from './people';
import { seededRandom } from './random';

export interface SyntheticPerson {
  personCode: string;
  name: string;
  roles: string[];
  idNumber: string;
  mobile: string;
  employer: string;
  education: string;
  politicalStatus: string;
  hireStart: string;
  note: string | null;
}

/** Unique 11-digit codes of the right shape: 6 role digits × 10 000 per county code, then the next code. */
function syntheticCode(countyCode: string, i: number): string {
  const county = Number(countyCode) + Math.floor(i / 60_000);
  const roleDigit = 1 + Math.floor((i % 60_000) / 10_000);
  return `${county}${roleDigit}${String(i % 10_000).padStart(4, '0')}`;
}

export function syntheticPeople(n: number, countyCode = '511323', seed = 20180101): SyntheticPerson[] {
  const r = seededRandom(seed);
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < n; i++) {
    const role = roleMix(r);
    const sex = r.chance(0.55) ? '男' : '女';
    people.push({
      personCode: syntheticCode(countyCode, i),
      name: personName(r),
      roles: [role],
      idNumber: idNumber(r, countyCode, i, sex),
      mobile: mobile(r),
      employer: unit(r),
      education: r.pick(['大学本科', '大学专科', '高中', '中专']),
      politicalStatus: r.pick(['中共党员', '群众', '共青团员']),
      hireStart: `2018-0${r.int(1, 9)}-${String(r.int(1, 28)).padStart(2, '0')}`,
      note: null,
    });
  }
  return people;
}
