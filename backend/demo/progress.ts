// Progress figures for the three latest periods; the first two were reported to the city.
import type { Caller } from './call';
import type { DemoDates } from './dates';

type Row = {
  rowCode: string;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
  c6: number;
  c7: number;
  c8: number;
  c10: number;
  c11: number;
  c13: number;
  c14: number;
};

/** Row code → 名录库底册数; the other columns grow from it with the period's progress share. */
const BASE: Record<string, number> = {
  '02': 412,
  '03': 38,
  '04': 21,
  '05': 3,
  '06': 2,
  '07': 1,
  '08': 9,
  '09': 17,
  '10': 46,
  '11': 205,
  '12': 2,
  '13': 31,
};

/** The figures at a share of the work done (quality.ts samples its checks from column 10, 县级审核通过数). */
export function progressFigures(share: number): Row[] {
  return Object.entries(BASE).map(([rowCode, base]) => {
    const c2 = Math.round(base * 1.04);
    const c4 = Math.round(c2 * 0.06);
    const c3 = c2 - c4;
    const c6 = c3;
    const c7 = Math.round(c6 * share);
    const c8 = Math.round(c7 * 0.96);
    const c10 = Math.round(c8 * 0.9 * share);
    const c11 = Math.round(c10 * 0.95);
    return {
      rowCode,
      c1: base,
      c2,
      c3,
      c4,
      c5: Math.round(base * 0.05),
      c6,
      c7,
      c8,
      c10,
      c11,
      c13: Math.round(c10 * 0.05),
      c14: Math.round(c10 * 0.005),
    };
  });
}

export async function loadProgress(c: Caller, d: DemoDates) {
  const plan = [
    [
      '2018-09',
      0.35,
      '完成清查数据审核，启动入户调查；完成两员入户调查培训。',
      '部分企业负责人不配合，入户难度大。',
      '加快入户调查进度，开展数据审核。',
    ],
    [
      '2018-10',
      0.7,
      '入户调查全面推进，已入户七成；开展第一轮质量抽查。',
      '部分普查员业务不熟，填表差错较多。',
      '完成剩余入户调查，组织县级审核。',
    ],
    [
      '2018-11',
      0.92,
      '入户调查基本完成，开展县级数据审核。',
      '个别乡镇进度滞后。',
      '完成全部入户调查和审核，准备上报市州。',
    ],
  ] as const;
  for (const [i, [p, share, mainWork, problems, nextPlan]] of plan.entries()) {
    const period = d.period(p);
    await c.write('progress.save', { period, figures: progressFigures(share), mainWork, problems, nextPlan });
    if (i < 2) await c.write('progress.markReported', { period });
  }
}
