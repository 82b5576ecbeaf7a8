// Roster files for the UI bench's imports, as a county keeps them in .xlsx.
import * as XLSX from '@e965/xlsx';
import { syntheticPeople } from '../../backend/demo/synthetic';

const HEADER = [
  '序号',
  '人员编号',
  '姓名',
  '公民身份号码',
  '手机号码',
  '工作单位',
  '文化程度',
  '政治面貌',
  '人员类别',
  '聘用日期',
];

/**
 * A re-import: `count` stored people, the `part`-th block of the synthetic roster (from its start,
 * whose 人员编号 are valid for the county), each with a new 工作单位 — every row an update. (New
 * people cannot be numbered: the 100k roster fills the county's 6 × 9 999 codes.)
 */
export function updatePeopleXlsx(count: number, part: number): Buffer {
  const from = part * count;
  const people = syntheticPeople(from + count).slice(from);
  const aoa: unknown[][] = [['蓬安县第二次全国污染源普查人员花名册'], ['填报单位：蓬安县污普办'], HEADER];
  for (const [i, p] of people.entries())
    aoa.push([
      i + 1,
      p.personCode,
      p.name,
      p.idNumber,
      p.mobile,
      `${p.employer}（第${part + 1}次调整）`,
      p.education,
      p.politicalStatus,
      p.roles.join('、'),
      p.hireStart,
    ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '花名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
