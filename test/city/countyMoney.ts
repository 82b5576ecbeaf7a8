// The money side of a generated county (test/city/county.ts): budget lines with funds in and out,
// one training with its results and cost, and for every other county a contract with two nodes,
// the second overdue and unpaid where the county's code ends in 5.
import type { Caller } from '../../backend/demo/call';
import type { Random } from '../../backend/demo/random';
import type { CountySpec } from './units';

export async function loadMoney(c: Caller, r: Random, spec: CountySpec, trainees: number[], withContract: boolean) {
  const tree = await c.call('budget.tree', {});
  const itemId = new Map<string, number>();
  // A category without items (培训费, 宣传费…) is a line itself.
  for (const cat of tree.categories) {
    itemId.set(cat.name, cat.id);
    for (const item of cat.items) itemId.set(item.name, item.id);
  }
  const scale = spec.people / 300;
  const lines: [string, number][] = [
    ['普查员劳动报酬', Math.round(1_080_000 * scale)],
    ['培训费', 90_000],
    ['宣传费', 20_000 + r.int(0, 20) * 1_000],
    ['第三方技术服务费', withContract ? 300_000 : 0],
  ];
  for (const [name, yuan] of lines) {
    if (!yuan) continue;
    const id = itemId.get(name)!;
    await c.write('budgetItem.update', { id, amount: yuan * 100, fundingLevel: '县' });
    await c.write('allocation.create', {
      budgetItemId: id,
      date: '2018-03-20',
      amount: Math.round(yuan * 0.7) * 100,
      source: '县',
    });
  }
  await c.write('expenditure.create', {
    budgetItemId: itemId.get('宣传费')!,
    date: '2018-04-12',
    amount: (5_000 + r.int(0, 9) * 1_000) * 100,
    summary: '普查宣传海报、横幅制作',
    payee: '县印象广告有限公司',
  });
  const s = await c.write('training.create', {
    name: '县级入户调查培训班',
    kind: '入户调查技术规定',
    hostLevel: '县',
    hostUnit: `${spec.name}第二次全国污染源普查领导小组办公室`,
    // Half the counties train within the report period, so the city's 合计 of the period is not all zeros.
    startDate: Number(spec.code) % 2 ? '2018-10-15' : '2018-07-23',
    endDate: Number(spec.code) % 2 ? '2018-10-16' : '2018-07-24',
    location: `${spec.name}政府会议室`,
    batch: '第一期',
    hours: 12,
    instructor: '县污普办',
    examMethod: '笔试',
  });
  // Everyone signed in but a few; about one in fifteen failed: 已培训 ≠ 考核合格 ≠ head count.
  await c.write('attendance.save', {
    sessionId: s.id,
    rows: trainees.map((personId, i) => {
      const absent = i % 23 === 11;
      const failed = !absent && r.chance(0.07);
      return { personId, signedIn: !absent, score: absent ? null : failed ? 55 : 80, passed: absent ? null : !failed };
    }),
  });
  await c.write('expenditure.create', {
    budgetItemId: itemId.get('培训费')!,
    date: s.endDate,
    amount: (6_000 + r.int(0, 40) * 100) * 100,
    summary: `${s.name}场地、资料费`,
    payee: '县宾馆',
    trainingId: s.id,
  });
  if (!withContract) return;
  const a = await c.write('agency.create', { name: '四川蜀环环境技术有限公司', creditCode: '91510100MA61R8KX0E' });
  const contract = await c.write('contract.create', {
    contractNo: `WP-${spec.code}-001`,
    name: `${spec.name}第二次全国污染源普查入户调查服务项目`,
    agencyId: a.id,
    procurementMethod: '竞争性磋商',
    serviceKinds: ['入户调查'],
    amount: 300_000 * 100,
    signedDate: '2018-04-10',
    serviceStart: '2018-04-10',
    serviceEnd: '2019-03-31',
    budgetItemId: itemId.get('第三方技术服务费')!,
  });
  for (const [k, [work, planned, ratio]] of (
    [
      ['进场并提交工作方案', '2018-05-31', 40],
      ['完成中期任务', '2018-09-30', 60],
    ] as const
  ).entries()) {
    // The second node is overdue (逾期节点, still unpaid) where the county's code ends in 5.
    const done = k === 0 || !spec.code.endsWith('5');
    const node = await c.write('contractNode.create', {
      contractId: contract.id,
      seq: k + 1,
      workContent: work,
      plannedDate: planned,
      actualDate: done ? planned : null,
      payableRatio: ratio,
      payableAmount: 300_000 * ratio,
    });
    if (done) await c.write('contract.recordPayment', { nodeId: node.id, date: planned, amount: 300_000 * ratio });
  }
}
