// The demo county's 300 people: 150 普查员, 40 普查指导员, 10 township and 90 village liaisons,
// 6 agency staff, 4 office staff; assigned to districts, with a few gaps for the dashboard to find.
import type { Caller } from './call';
import type { Places } from './county';
import { idNumber, mobile, personName, unit } from './people';
import { seededRandom } from './random';
import type { PersonRole } from '../../core/enums';
import type { DemoDates } from './dates';

export interface Staff {
  enumerators: number[];
  supervisors: number[];
  liaisons: number[];
  agencyStaff: number[];
  all: number[];
}

export async function loadStaff({ write }: Caller, places: Places, countyCode: string, d: DemoDates): Promise<Staff> {
  const r = seededRandom(2018);
  const staff: Staff = { enumerators: [], supervisors: [], liaisons: [], agencyStaff: [], all: [] };
  let seq = 0;
  const add = async (role: PersonRole, extra: Record<string, unknown>) => {
    const sex = r.chance(0.55) ? '男' : '女';
    const p = await write('person.create', {
      name: personName(r),
      roles: [role],
      idNumber: idNumber(r, countyCode, seq++, sex),
      ethnicity: r.chance(0.97) ? '汉族' : '回族',
      politicalStatus: r.pick(['中共党员', '群众', '群众', '共青团员'] as const),
      education: r.pick(['大学本科', '大学专科', '高中', '中专'] as const),
      employer: unit(r),
      source: role === '第三方机构人员' ? '第三方' : r.pick(['抽调', '聘用'] as const),
      mobile: mobile(r),
      hireStart: d.at('2018-03-01'),
      hireEnd: d.at('2019-03-31'),
      ...(role === '普查员' || role === '普查指导员'
        ? {
            // Three people's insurance is missing, for the dashboard's check.
            ...(seq % 97 === 5
              ? {}
              : {
                  insuranceCompany: '中国人寿保险股份有限公司蓬安支公司',
                  insurancePolicyNo: `BX${d.year}${String(seq).padStart(5, '0')}`,
                  insuranceStart: d.at('2018-03-01'),
                  insuranceEnd: d.at('2019-02-28'),
                  insuranceAmount: 20_000_000,
                }),
            bankName: '四川农村信用社蓬安县联社',
            bankAccount: `6214${String(1e11 + seq * 7919).slice(0, 12)}`,
            payRate: role === '普查员' ? 12_000 : 15_000,
            payBasis: '元/天',
          }
        : {}),
      ...extra,
    });
    staff.all.push(p.id);
    return p.id;
  };

  for (const t of places.townships) {
    const sups: number[] = [];
    for (let i = 0; i < 4; i++) sups.push(await add('普查指导员', { townshipId: t.id }));
    staff.supervisors.push(...sups);
    const districts = places.districts.filter((x) => x.townshipId === t.id);
    for (let i = 0; i < 15; i++) {
      // Every 50th 普查员 has no 指导员 yet: a real gap the dashboard shows.
      const supervisorId = staff.enumerators.length % 50 === 7 ? null : sups[i % sups.length];
      staff.enumerators.push(await add('普查员', { townshipId: t.id, supervisorId }));
    }
    staff.liaisons.push(
      await add('乡镇(街道)联络员', { townshipId: t.id, employer: `${t.name}人民政府`, position: '副镇长' }),
    );
    const villages = places.villages.filter((v) => v.townshipId === t.id);
    for (const v of villages.slice(0, 9))
      staff.liaisons.push(
        await add('村(居)联络员', { townshipId: t.id, villageId: v.id, employer: `${v.name}委员会` }),
      );
    // Districts: each gets its township's 普查员 in turn and a 指导员; the last district of every
    // third township waits for its 普查员.
    for (const [i, dist] of districts.entries()) {
      const skip = places.townships.indexOf(t) % 3 === 0 && i === districts.length - 1;
      const ens = staff.enumerators.slice(-15);
      await write('district.update', {
        id: dist.id,
        enumeratorIds: skip ? [] : [ens[i % 15]],
        supervisorIds: [sups[i % sups.length]],
      });
    }
  }
  for (let i = 0; i < 4; i++) await add('污普办工作人员', { employer: '蓬安县生态环境局', position: '科员' });
  return staff;
}

export async function loadAgencyStaff(c: Caller, agencyIds: number[], d: DemoDates, staff: Staff) {
  const r = seededRandom(45);
  for (let i = 0; i < 6; i++) {
    const sex = r.chance(0.5) ? '男' : '女';
    const p = await c.write('person.create', {
      name: personName(r),
      roles: ['第三方机构人员'],
      idNumber: idNumber(r, '510107', 5000 + i, sex),
      source: '第三方',
      mobile: mobile(r),
      agencyId: agencyIds[i % agencyIds.length],
      hireStart: d.at('2018-04-01'),
    });
    staff.agencyStaff.push(p.id);
    staff.all.push(p.id);
  }
}
