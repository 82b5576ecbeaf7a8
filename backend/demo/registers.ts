// The demo county's 保密 and 档案 registers (work plan point 11) and its coverage settings: most
// 普查员 and 指导员 signed the 保密承诺书 at their training in April, a few have not yet (the
// dashboard's check finds them); the office's archive register holds its documents, the 清查 and
// 入户调查 forms, the accounts and the photographs, some handed over to the county archive.
import type { Caller } from './call';
import type { DemoDates } from './dates';
import type { Staff } from './staff';

type Archive = {
  no: string;
  title: string;
  category: '文书档案' | '普查表册' | '名录库资料' | '会计档案' | '电子档案' | '声像档案' | '实物档案';
  secrecy: '公开' | '内部' | '秘密';
  retention: '永久' | '30年' | '10年';
  quantity: number;
  unit: string;
  location: string;
  filed: string | null;
  transfer?: string;
  keeper: string;
};

const ARCHIVES: Archive[] = [
  {
    no: 'WP2018-WS-001',
    title: '县第二次全国污染源普查领导小组成立文件',
    category: '文书档案',
    secrecy: '公开',
    retention: '永久',
    quantity: 1,
    unit: '件',
    location: '污普办档案柜1号',
    filed: '2018-02-05',
    transfer: '2018-12-20',
    keeper: '周文斌',
  },
  {
    no: 'WP2018-WS-002',
    title: '县第二次全国污染源普查实施方案及县政府批复',
    category: '文书档案',
    secrecy: '内部',
    retention: '永久',
    quantity: 2,
    unit: '件',
    location: '污普办档案柜1号',
    filed: '2018-04-12',
    transfer: '2018-12-20',
    keeper: '周文斌',
  },
  {
    no: 'WP2018-WS-003',
    title: '普查员、普查指导员选聘及保密承诺书',
    category: '文书档案',
    secrecy: '内部',
    retention: '30年',
    quantity: 190,
    unit: '份',
    location: '污普办档案柜1号',
    filed: '2018-05-10',
    keeper: '王秀英',
  },
  {
    no: 'WP2018-WS-004',
    title: '市污普办通报及督办件、本办回复',
    category: '文书档案',
    secrecy: '内部',
    retention: '30年',
    quantity: 14,
    unit: '件',
    location: '污普办档案柜1号',
    filed: '2018-11-05',
    keeper: '周文斌',
  },
  {
    no: 'WP2018-BC-001',
    title: '普查小区划分图及四至说明',
    category: '普查表册',
    secrecy: '内部',
    retention: '30年',
    quantity: 10,
    unit: '册',
    location: '污普办档案柜2号',
    filed: '2018-05-31',
    keeper: '王秀英',
  },
  {
    no: 'WP2018-BC-002',
    title: '清查表（工业企业、畜禽养殖场、集中式治理设施）',
    category: '普查表册',
    secrecy: '秘密',
    retention: '30年',
    quantity: 36,
    unit: '盒',
    location: '污普办涉密档案室',
    filed: '2018-07-15',
    keeper: '王秀英',
  },
  {
    no: 'WP2018-BC-003',
    title: '入户调查普查表及审核记录',
    category: '普查表册',
    secrecy: '秘密',
    retention: '30年',
    quantity: 58,
    unit: '盒',
    location: '污普办涉密档案室',
    filed: '2018-11-28',
    keeper: '王秀英',
  },
  {
    no: 'WP2018-ML-001',
    title: '普查基本单位名录库（清查后核定版）',
    category: '名录库资料',
    secrecy: '秘密',
    retention: '30年',
    quantity: 1,
    unit: '套',
    location: '污普办涉密档案室',
    filed: '2018-08-31',
    keeper: '李德明',
  },
  {
    no: 'WP2018-KJ-001',
    title: '普查经费会计凭证及劳务报酬发放表',
    category: '会计档案',
    secrecy: '内部',
    retention: '30年',
    quantity: 6,
    unit: '册',
    location: '县生态环境局财务室',
    filed: '2018-10-31',
    keeper: '陈会计',
  },
  {
    no: 'WP2018-DZ-001',
    title: '普查数据库备份及电子普查表（光盘）',
    category: '电子档案',
    secrecy: '秘密',
    retention: '永久',
    quantity: 2,
    unit: '张',
    location: '污普办涉密档案室保险柜',
    filed: '2018-11-30',
    keeper: '李德明',
  },
  {
    no: 'WP2018-SX-001',
    title: '普查培训、入户调查工作照片',
    category: '声像档案',
    secrecy: '公开',
    retention: '10年',
    quantity: 320,
    unit: '张',
    location: '污普办电脑（已刻盘）',
    filed: '2018-11-20',
    keeper: '周文斌',
  },
  {
    no: 'WP2018-SW-001',
    title: '普查员证、工作证样本及普查标识',
    category: '实物档案',
    secrecy: '公开',
    retention: '10年',
    quantity: 1,
    unit: '盒',
    location: '污普办档案柜3号',
    filed: null,
    keeper: '周文斌',
  },
];

export async function loadRegisters({ write }: Caller, d: DemoDates, staff: Staff): Promise<void> {
  await write('coverage.saveSettings', {
    districtCodeLength: 15,
    maxListingPerEnumerator: 45,
    maxDistrictsPerEnumerator: 3,
    maxEnumeratorsPerSupervisor: 5,
  });
  // Signed at the April training; every 23rd 普查员 and one 指导员 still owe theirs.
  const people = [...staff.supervisors, ...staff.enumerators];
  for (const [i, id] of people.entries()) {
    const owes = i === 7 || (i >= staff.supervisors.length && (i - staff.supervisors.length) % 23 === 11);
    if (owes) continue;
    await write('person.update', { id, pledgeDate: d.at(`2018-04-${String(10 + (i % 15)).padStart(2, '0')}`) });
  }
  for (const a of ARCHIVES)
    await write('archive.create', {
      archiveNo: a.no.replace('2018', String(d.year)),
      title: a.title,
      category: a.category,
      year: d.year,
      secrecy: a.secrecy,
      retention: a.retention,
      quantity: a.quantity,
      unit: a.unit,
      location: a.location,
      filedDate: a.filed && d.at(a.filed) <= d.today ? d.at(a.filed) : null,
      transferDate: a.transfer && d.at(a.transfer) <= d.today ? d.at(a.transfer) : null,
      transferTo: a.transfer && d.at(a.transfer) <= d.today ? '蓬安县档案馆' : null,
      keeper: a.keeper,
    });
}
