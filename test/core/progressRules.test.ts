import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROGRESS_CATEGORIES as CATS,
  checkProgress,
  blockingViolations,
  displayName,
  emptyFigures,
  totalFigures,
  withRates,
  type FigureRow,
  type Figures,
} from '../../core/progressRules';

const row = (rowCode: string, f: Partial<Figures>, note: string | null = null): FigureRow => ({
  rowCode,
  figures: { ...emptyFigures(), ...f },
  note,
});

describe('the 合计 row and the rates', () => {
  it('adds up 02, 03, 04, 10, 11, 12 and 13 only — not the 其中 rows nor the boilers', () => {
    const rows = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'].map((code, i) =>
      row(code, { c2: 10 ** (i % 6) + i }),
    );
    const expected = rows
      .filter((r) => ['02', '03', '04', '10', '11', '12', '13'].includes(r.rowCode))
      .reduce((s, r) => s + r.figures.c2!, 0);
    expect(totalFigures(CATS, rows).c2).toBe(expected);
    // A column nobody filled stays empty rather than becoming 0.
    expect(totalFigures(CATS, rows).c7).toBeNull();
  });

  it('computes 填表率 = 8/6 and 录入率 = 11/6 to one decimal, null when 6 is 0 or empty', () => {
    expect(withRates({ ...emptyFigures(), c6: 3, c8: 2, c11: 1 })).toMatchObject({ c9: 66.7, c12: 33.3 });
    expect(withRates({ ...emptyFigures(), c6: 0, c8: 0 }).c9).toBeNull();
    expect(withRates({ ...emptyFigures(), c8: 5 }).c9).toBeNull();
    expect(withRates({ ...emptyFigures(), c6: 8, c8: 1 }).c9).toBe(12.5);
  });

  it('prints 其中 rows the way statistical tables do', () => {
    const byCode = (c: string) => CATS.find((x) => x.rowCode === c)!;
    expect(displayName(byCode('05'), CATS)).toBe('其中：污水处理厂');
    expect(displayName(byCode('06'), CATS)).toBe('\u3000\u3000\u3000生活垃圾处理场(厂)');
    expect(displayName(byCode('09'), CATS)).toBe('生活源锅炉(台)');
    expect(displayName(byCode('02'), CATS)).toBe('工业企业和产业活动单位');
  });
});

describe('the rules of workplan.md', () => {
  it('accepts a consistent table', () => {
    const rows = [
      row('02', { c1: 100, c2: 90, c3: 80, c4: 10, c6: 80, c7: 70, c8: 60, c10: 50 }),
      row('04', { c2: 5 }),
      row('05', { c2: 3 }),
      row('06', { c2: 2 }),
    ];
    expect(checkProgress({ categories: CATS, rows })).toEqual([]);
  });

  it('names each broken column rule in words', () => {
    const v = checkProgress({
      categories: CATS,
      rows: [row('02', { c2: 10, c3: 8, c4: 3, c6: 5, c7: 6, c8: 7, c10: 8 })],
    });
    expect(v.map((x) => [x.rowCode, x.column, x.rule])).toEqual([
      ['02', 'c3', '纳入普查 8 与关停/注销/未找到 3 之和 11 不能大于清查数 10'],
      ['02', 'c7', '已入户数 6 不能大于入户应查数 5'],
      ['02', 'c8', '已填表数 7 不能大于已入户数 6'],
      ['02', 'c10', '县级审核通过数 8 不能大于已填表数 7'],
    ]);
    expect(v.every((x) => !x.noted)).toBe(true);
  });

  it('keeps each 其中 row (05–08) and their sum within row 04', () => {
    const alone = checkProgress({ categories: CATS, rows: [row('04', { c2: 4 }), row('07', { c2: 5 })] });
    expect(alone).toEqual([
      {
        rowCode: '07',
        column: 'c2',
        rule: '危险废物处置厂的清查数 5 不能大于集中式污染治理设施（第04行）的清查数 4',
        noted: false,
      },
    ]);
    const together = checkProgress({
      categories: CATS,
      rows: [row('04', { c2: 4 }), row('05', { c2: 3 }), row('08', { c2: 2 })],
    });
    expect(together).toEqual([
      {
        rowCode: '04',
        column: 'c2',
        rule: '其中各项（第05—08行）的清查数之和 5 不能大于集中式污染治理设施的清查数 4',
        noted: false,
      },
    ]);
  });

  it('flags a figure that fell since the period before unless the row carries a note', () => {
    const previous = { period: '2018-06', rows: [row('02', { c7: 12, c8: 3 })] };
    const fell = checkProgress({ categories: CATS, rows: [row('02', { c7: 10, c8: 3 })], previous });
    expect(fell).toEqual([
      {
        rowCode: '02',
        column: 'c7',
        rule: '已入户数比上期（2018-06）减少（由12减为10），须在备注中说明',
        noted: false,
      },
    ]);
    expect(blockingViolations(fell)).toHaveLength(1);
    const noted = checkProgress({
      categories: CATS,
      rows: [row('02', { c7: 10, c8: 3 }, '重复登记2户已剔除')],
      previous,
    });
    expect(noted[0].noted).toBe(true);
    expect(blockingViolations(noted)).toEqual([]);
    // A figure left empty this period is not a fall.
    expect(checkProgress({ categories: CATS, rows: [row('02', { c8: 3 })], previous })).toEqual([]);
  });

  it('applies the column rules to 09 too, but never judges the computed 合计 row', () => {
    const v = checkProgress({ categories: CATS, rows: [row('01', { c7: 9, c6: 1 }), row('09', { c6: 1, c7: 2 })] });
    expect(v.map((x) => x.rowCode)).toEqual(['09']);
  });
});
