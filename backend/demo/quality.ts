// 质量核查 records and the problem and 督办 ledger of the demo county (docs/spec/quality-and-problems.md):
// the 清查质量核查 of June, the 入户调查 checks of October and November per 普查对象类别 (enough that the
// latest period's columns 13–14, taken from them, never fall below what October reported), and a
// ledger with 上级通报, 督办件 (one past its due date), problems found and questions sent back.
import { periodRange } from '../../core/reports/period';
import type { Caller } from './call';
import { progressFigures } from './progress';
import type { DemoDates } from './dates';
import type { Places } from './county';
import type { Staff } from './staff';

const CHECKERS = ['县污普办 王秀英', '县污普办 周文斌', '市污普办 质控组', '四川蜀环环境技术有限公司 质控组'];

export async function loadQuality(c: Caller, d: DemoDates, places: Places, contractIds: number[], staff: Staff) {
  await c.write('quality.saveSettings', { errorRateThreshold: 5 });
  const day = (iso: string) => d.at(iso);
  const record = async (
    iso: string,
    stage: '清查' | '入户调查',
    rowCode: string,
    sampledCount: number,
    errorCount: number,
    correctedCount: number,
    scope: { townshipId?: number; districtId?: number; contractId?: number },
    checker: string,
    note: string | null = null,
  ) => {
    // The demo's periods (d.period) are the progress table's; a check is dated by its period's end at the latest.
    const period = d.period(iso.slice(0, 7));
    const end = periodRange(period).to;
    const checkDate = day(iso) > end ? end : day(iso);
    await c.write('qualityCheck.create', {
      period,
      stage,
      rowCode,
      checkDate,
      sampledCount,
      errorCount,
      correctedCount,
      checker,
      note,
      ...scope,
    });
  };

  // 清查质量核查 (June): industrial units and 畜禽养殖场 in three townships, all errors corrected.
  const [t1, t2, t3, t4] = places.townships;
  const inTownship = (id: number) => places.districts.find((x) => x.townshipId === id)!.id;
  await record('2018-06-18', '清查', '02', 40, 1, 1, { townshipId: t1.id }, CHECKERS[0], '漏查1家小型加工厂，已补录');
  await record('2018-06-20', '清查', '02', 35, 0, 0, { districtId: inTownship(t2.id) }, CHECKERS[1]);
  await record('2018-06-22', '清查', '03', 12, 1, 1, { townshipId: t3.id }, CHECKERS[2], '1家养殖场规模判定有误');

  // 入户调查: each category sampled in October and November at about 5% of the audited forms.
  for (const [i, [month, share]] of (
    [
      ['10', 0.7],
      ['11', 0.92],
    ] as const
  ).entries()) {
    for (const [j, { rowCode, c10 }] of progressFigures(share).entries()) {
      const sampled = Math.max(1, Math.ceil(c10 * 0.05));
      const errors = rowCode === '02' && month === '11' ? 2 : j % 4 === 1 && sampled >= 4 ? 1 : 0;
      const scope =
        rowCode === '02' ? { contractId: contractIds[0] } : { townshipId: places.townships[(i + j) % 10].id };
      await record(
        `2018-${month}-${String(12 + (j % 10)).padStart(2, '0')}`,
        '入户调查',
        rowCode,
        sampled,
        errors,
        month === '10' ? errors : 0,
        scope,
        CHECKERS[(i + j) % CHECKERS.length],
        errors ? '活动水平数据填报有误，已退回普查员核实' : null,
      );
    }
  }
  // The latest period takes its columns 13–14 from these records; the reported periods keep theirs.
  await c.write('quality.setSource', { period: d.period('2018-11'), source: '质量核查' });

  const problem = (input: {
    kind: '审核退回' | '发现问题' | '上级通报' | '督办件';
    raised: string;
    source: string;
    subject: string;
    content: string;
    due?: string;
    closed?: { on: string; reply: string };
    townshipId?: number;
    personId?: number;
    raisedBy?: string;
  }) =>
    c.write('problem.create', {
      kind: input.kind,
      raisedDate: day(input.raised),
      source: input.source,
      raisedBy: input.raisedBy ?? null,
      subject: input.subject,
      content: input.content,
      dueDate: input.due ? day(input.due) : null,
      townshipId: input.townshipId ?? null,
      personId: input.personId ?? null,
      status: input.closed ? '已办结' : '未办结',
      resolution: input.closed?.reply ?? null,
      resolvedDate: input.closed ? day(input.closed.on) : null,
    });
  await problem({
    kind: '上级通报',
    raised: '2018-07-05',
    source: '南充市污普办',
    subject: '全县',
    content: '通报：6月清查进度低于全市平均水平',
    due: '2018-07-20',
    closed: { on: '2018-07-18', reply: '已召开推进会，清查于7月中旬全部完成并书面报告市污普办' },
  });
  await problem({
    kind: '督办件',
    raised: '2018-10-22',
    source: '南充市污普办',
    subject: t4.name,
    townshipId: t4.id,
    content: '入户调查进度滞后，已入户数不足应查数的一半',
    due: '2018-11-10',
    closed: { on: '2018-11-08', reply: '已从相邻乡镇调配普查员4名，入户率已达85%' },
  });
  await problem({
    kind: '督办件',
    raised: '2018-11-12',
    source: '南充市污普办',
    subject: '县污普办',
    content: '报送入户调查阶段质量核查情况及差错整改台账',
    due: '2018-11-25',
  });
  await problem({
    kind: '发现问题',
    raised: '2018-11-14',
    source: '质量核查',
    raisedBy: '王秀英',
    subject: '四川蜀环环境技术有限公司',
    content: '工业企业入户调查抽查发现2份报表活动水平数据有误',
    due: '2018-12-05',
  });
  await problem({
    kind: '发现问题',
    raised: '2018-09-03',
    source: '县级审核',
    subject: t2.name,
    townshipId: t2.id,
    content: '部分规模化畜禽养殖场存栏量与清查底册不符',
    closed: { on: '2018-09-20', reply: '已逐一核实并修改' },
  });
  const enumerators = staff.enumerators.slice(0, 5);
  for (const [i, personId] of enumerators.entries()) {
    const closed = i < 3;
    const person = await c.call('person.get', { id: personId });
    await problem({
      kind: '审核退回',
      raised: `2018-11-${String(5 + i * 3).padStart(2, '0')}`,
      source: '县级审核',
      raisedBy: '周文斌',
      subject: `普查员 ${person.name}`,
      personId,
      content: [
        '排放口坐标缺失',
        '锅炉吨位填报单位错误',
        '产品产量与用电量不匹配',
        '治理设施运行时间超过全年',
        '普查对象名称与营业执照不一致',
      ][i],
      due: `2018-11-${String(12 + i * 3).padStart(2, '0')}`,
      closed: closed
        ? { on: `2018-11-${String(10 + i * 3).padStart(2, '0')}`, reply: '普查员已核实并修改' }
        : undefined,
    });
  }
}
