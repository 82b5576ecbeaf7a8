// The demo county (蓬安县-like, all people fictional): about 10 townships, 100 villages, 150 census
// districts, 300 people, 4 agencies with contracts and nodes, a budget with spending, 6 trainings
// with attendance and three periods of progress figures. Loaded through dispatch like a clerk's
// own entries, so every row passed the same validation and has its audit entry.
import type { Backend } from '../app';
import type { CallCtx } from '../context';
import { caller } from './call';
import { loadPlaces } from './county';
import { demoDates } from './dates';
import { loadMoney, loadPayRun } from './money';
import { loadProgress } from './progress';
import { loadAgencyStaff, loadStaff } from './staff';
import { loadTraining } from './training';
import { loadRegisters } from './registers';
import { loadFieldwork } from './fieldwork';
import { loadQuality } from './quality';

export const DEMO_ADMIN = { name: 'admin', password: 'demo1234' };
const COUNTY_CODE = '511323';

export interface DemoResult {
  writes: number;
}

export async function loadDemo(backend: Backend, now = new Date()): Promise<DemoResult> {
  const status = await backend.dispatch('setup.status', {}, { operator: null });
  if (!status.ok || (status.data as { hasOperators: boolean }).hasOperators) {
    throw new Error('示例数据只能载入全新的数据文件');
  }
  const ctx: CallCtx = { operator: { id: null, name: '示例数据', role: '管理员' }, now: () => now };
  const c = caller(backend, ctx);
  const d = demoDates(now);
  // A bulk load: durability per statement is pointless until the load is done.
  backend.db.pragma('synchronous = NORMAL');
  try {
    await c.write('setup.init', {
      office: {
        countyName: '蓬安县',
        countyCode: COUNTY_CODE,
        cityName: '南充市',
        cityCode: '5113',
        unitName: '蓬安县第二次全国污染源普查领导小组办公室',
        headName: '李德明',
        statsHeadName: '王秀英',
        preparerName: '周文斌',
        phone: '0817-8621234',
        address: '蓬安县相如街道滨江大道1号',
      },
      admin: DEMO_ADMIN,
    });
    await c.write('operator.create', { name: '录入员', role: '录入员', password: 'demo1234' });
    const milestones = await c.call('milestone.list', { pageSize: 100 });
    for (const m of milestones.rows) {
      const deadline = m.deadline ? d.at(m.deadline) : null;
      const done = deadline !== null && deadline < d.today;
      await c.write('milestone.update', {
        id: m.id,
        deadline,
        status: done ? '已完成' : m.deadline ? '进行中' : '进行中',
        completedDate: done ? deadline : null,
        progressNote: done ? '已按期完成' : null,
      });
    }
    const places = await loadPlaces(c);
    const staff = await loadStaff(c, places, COUNTY_CODE, d);
    const money = await loadMoney(c, d);
    await loadAgencyStaff(c, money.agencyIds, d, staff);
    await loadPayRun(c, d, staff, money.itemId);
    await loadTraining(c, d, staff, money.itemId.get('培训费')!);
    await loadProgress(c, d);
    await loadRegisters(c, d, staff);
    await loadFieldwork(c, d, staff);
    await loadQuality(c, d, places, money.contractIds, staff);
  } finally {
    backend.db.pragma('synchronous = FULL');
  }
  return { writes: c.writes() };
}
