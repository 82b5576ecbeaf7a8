// The demo county's money: budget amounts on the seeded lines, allocations, four agencies with a
// contract of three nodes each, payments on some nodes, and a posted pay run.
import type { Caller } from './call';
import type { DemoDates } from './dates';
import type { Staff } from './staff';
import { creditCodeCheckChar } from '../../core/validate/creditCode';

const yuan = (n: number) => Math.round(n * 100);

/** Budget lines by name: [单价 元, 数量, 单位, 次数/天数]. */
const BUDGET: Record<string, [number, number, string, number]> = {
  普查员劳动报酬: [120, 150, '人·天', 60],
  普查指导员劳动报酬: [150, 40, '人·天', 60],
  联络员补助: [300, 100, '人·月', 8],
  交通补助: [20, 190, '人·天', 60],
  通讯补助: [50, 190, '人·月', 8],
  误餐补助: [30, 190, '人·天', 60],
  人身意外伤害保险: [100, 190, '人', 1],
  培训费: [15_000, 6, '期', 1],
  宣传费: [30_000, 1, '项', 1],
  印刷费: [25_000, 1, '项', 1],
  第三方技术服务费: [900_000, 1, '项', 1],
};

const AGENCIES = [
  ['四川蜀环环境技术有限公司', '91510100MA61R8KX0', '入户调查', '入户调查服务', 420_000],
  ['南充清源环境监测有限公司', '91511300MA62A1B20', '现场监测', '排污口现场监测', 180_000],
  ['成都数普信息技术有限公司', '91510107MA6C3D4E0', '信息系统建设运维', '普查信息系统运维', 120_000],
  ['四川天府质量评估咨询有限公司', '91510104MA6F5G6H0', '质量评估', '清查与入户质量评估', 150_000],
] as const;

/** The seventeen-character base above gets its GB 32100 check character here. */
const withCheck = (base17: string) => base17.slice(0, 17) + creditCodeCheckChar(base17.slice(0, 17));

export async function loadMoney(c: Caller, d: DemoDates) {
  const tree = await c.call('budget.tree', {});
  const itemId = new Map<string, number>();
  for (const cat of tree.categories) {
    itemId.set(cat.name, cat.id);
    for (const item of cat.items) itemId.set(item.name, item.id);
  }
  for (const [name, [price, qty, unit, times]] of Object.entries(BUDGET)) {
    const id = itemId.get(name);
    if (!id) throw new Error(`示例数据加载失败：预算科目“${name}”不存在`);
    await c.write('budgetItem.update', {
      id,
      unitPrice: yuan(price),
      quantity: qty,
      unit,
      times,
      amount: yuan(price * qty * times),
      basis: `${price}元/${unit}×${qty}×${times}`,
      fundingLevel: '县',
      approvalNo: '蓬财预〔2018〕12号',
    });
    // Funds arrive in two instalments; 宣传费 only half, so spending can outrun it later.
    const share = name === '宣传费' ? 0.5 : 1;
    await c.write('allocation.create', {
      budgetItemId: id,
      date: d.at('2018-03-20'),
      amount: yuan(price * qty * times * 0.6 * share),
      source: '县',
      docNo: '蓬财预〔2018〕12号',
    });
    if (share === 1)
      await c.write('allocation.create', {
        budgetItemId: id,
        date: d.at('2018-07-10'),
        amount: yuan(price * qty * times * 0.4),
        source: '市',
        docNo: '南财环〔2018〕33号',
      });
  }
  await c.write('expenditure.create', {
    budgetItemId: itemId.get('宣传费')!,
    date: d.at('2018-04-12'),
    amount: yuan(18_000),
    summary: '普查宣传海报、横幅制作',
    payee: '蓬安县印象广告有限公司',
    voucherNo: '记-2018-0412',
  });
  await c.write('expenditure.create', {
    budgetItemId: itemId.get('印刷费')!,
    date: d.at('2018-06-02'),
    amount: yuan(9_600),
    summary: '普查表、登记表印刷',
    payee: '蓬安县印刷厂',
    voucherNo: '记-2018-0602',
  });
  await c.write('expenditure.create', {
    budgetItemId: itemId.get('人身意外伤害保险')!,
    date: d.at('2018-03-02'),
    amount: yuan(18_700),
    summary: '普查员、普查指导员人身意外伤害保险',
    payee: '中国人寿保险股份有限公司蓬安支公司',
    voucherNo: '记-2018-0302',
  });

  const agencyIds: number[] = [];
  const contractIds: number[] = [];
  for (const [i, [name, base, kind, title, amount]] of AGENCIES.entries()) {
    const a = await c.write('agency.create', {
      name,
      creditCode: withCheck(base),
      legalRep: ['刘建国', '陈晓东', '杨志强', '黄海燕'][i],
      contactName: ['王磊', '张敏', '李娜', '赵勇'][i],
      phone: `028-8${i}123456`,
      address: ['成都市武侯区科华北路', '南充市顺庆区滨江路', '成都市高新区天府大道', '成都市锦江区东大街'][i],
    });
    agencyIds.push(a.id);
    const signed = d.at(`2018-0${4 + (i % 3)}-10`);
    const contract = await c.write('contract.create', {
      contractNo: `PAWP-2018-00${i + 1}`,
      name: `蓬安县第二次全国污染源普查${title}项目`,
      agencyId: a.id,
      procurementMethod: i === 0 ? '公开招标' : i === 2 ? '单一来源' : '竞争性磋商',
      serviceKinds: [kind],
      amount: yuan(amount),
      signedDate: signed,
      serviceStart: signed,
      serviceEnd: d.at(i === 3 ? '2018-10-31' : '2019-03-31'),
      deposit: yuan(amount * 0.05),
      managerName: ['王磊', '张敏', '李娜', '赵勇'][i],
      managerPhone: `1380817${String(1000 + i).padStart(4, '0')}`,
      // The second contract was never published: a reminder the dashboard shows.
      publishedDate: i === 1 ? null : d.at(`2018-0${4 + (i % 3)}-11`),
      filedDate: i === 1 ? null : d.at(`2018-0${4 + (i % 3)}-16`),
      budgetItemId: itemId.get('第三方技术服务费')!,
    });
    contractIds.push(contract.id);
    const plan = [
      ['签订合同、进场并提交工作方案', '2018-05-31', 30],
      ['完成中期任务并提交中期报告', '2018-09-30', 40],
      ['完成全部任务并通过验收', '2019-01-31', 30],
    ] as const;
    for (const [k, [work, planned, ratio]] of plan.entries()) {
      // The first two nodes are done, except the fourth contract's second node: overdue.
      const done = k === 0 || (k === 1 && i !== 3);
      const node = await c.write('contractNode.create', {
        contractId: contract.id,
        seq: k + 1,
        workContent: work,
        plannedDate: d.at(planned),
        actualDate: done ? d.at(k === 0 ? '2018-05-28' : '2018-09-26') : null,
        qualityNote: done ? '按期完成，质量符合要求' : null,
        payableRatio: ratio,
        payableAmount: yuan((amount * ratio) / 100),
        handlerName: '周文斌',
      });
      if (done) {
        await c.write('contract.recordPayment', {
          nodeId: node.id,
          date: d.at(k === 0 ? '2018-06-08' : '2018-10-12'),
          amount: yuan((amount * ratio) / 100),
          voucherNo: `记-2018-${String(600 + i * 10 + k)}`,
          handlerName: '周文斌',
        });
      }
    }
  }
  return { agencyIds, contractIds, itemId };
}

/** One month of 普查员 pay, posted as one expenditure. */
export async function loadPayRun(c: Caller, d: DemoDates, staff: Staff, itemId: Map<string, number>) {
  const run = await c.write('payRun.create', {
    period: d.period('2018-10'),
    title: '普查员劳动报酬',
    budgetItemId: itemId.get('普查员劳动报酬')!,
    lines: staff.enumerators.slice(0, 60).map((personId, i) => ({ personId, quantity: 20 + (i % 3) })),
  });
  await c.write('payRun.post', { id: run.id, paidDate: d.at('2018-11-05'), voucherNo: '记-2018-1105' });
}
