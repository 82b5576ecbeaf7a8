// The progress grid judges typed figures with the backend's own rules, live.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRESS_CATEGORIES, ENTERED_COLUMNS, displayName } from '../../core/progressRules';
import { progressSaveInput } from '../../core/schemas/workplan';
import type { ProgressTable } from '../../renderer/api/types';
import { cellsFrom, figureValue, liveView, saveRows } from '../../renderer/pages/progress/figuresDraft';

function table(figures: Record<string, Partial<Record<string, number>>> = {}, period = '2018-06'): ProgressTable {
  const empty = Object.fromEntries([...ENTERED_COLUMNS, 'c9', 'c12'].map((c) => [c, null]));
  return {
    reportId: null,
    period,
    townshipId: null,
    townshipName: null,
    source: '填报',
    status: null,
    reportedAt: null,
    updatedAt: null,
    mainWork: null,
    problems: null,
    nextPlan: null,
    previousPeriod: null,
    townshipReportCount: 0,
    violations: [],
    rows: DEFAULT_PROGRESS_CATEGORIES.map((c) => ({
      rowCode: c.rowCode,
      name: c.name,
      displayName: displayName(c, DEFAULT_PROGRESS_CATEGORIES),
      parentCode: c.parentCode,
      indent: c.indent,
      inTotal: c.inTotal,
      unit: c.unit,
      computed: c.isTotal,
      ...empty,
      ...figures[c.rowCode],
      note: null,
    })),
  } as unknown as ProgressTable;
}

describe('progress figures draft', () => {
  it('reads typed text: blank is empty, digits a count, anything else is kept for the schema to name', () => {
    expect(figureValue(' ')).toBeNull();
    expect(figureValue(' 12 ')).toBe(12);
    expect(figureValue('1.5')).toBe('1.5');
    const cells = cellsFrom(table());
    cells['02'].c7 = '十二';
    const parsed = progressSaveInput.safeParse({ period: '2018-06', figures: saveRows(table(), cells) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toContain('第02行');
    expect(parsed.error!.issues[0].path.join('.')).toBe('figures.0.c7');
  });

  it('marks 7 > 6 as it is typed, with the rule in words, and adds up 合计', () => {
    const cells = cellsFrom(table());
    Object.assign(cells['02'], { c1: '120', c6: '110', c7: '115' });
    Object.assign(cells['03'], { c1: '30' });
    const view = liveView(table(), cells, null);
    expect(view.violations).toEqual([
      { rowCode: '02', column: 'c7', rule: '已入户数 115 不能大于入户应查数 110', noted: false },
    ]);
    expect(view.total.c1).toBe(150);
    cells['02'].note = '含跨期补录';
    expect(liveView(table(), cells, null).violations[0].noted).toBe(true);
  });

  it('compares with the period before for figures that fall', () => {
    const previous = table({ '02': { c2: 100 } }, '2018-05');
    const cells = cellsFrom(table());
    cells['02'].c2 = '90';
    const [v] = liveView(table(), cells, previous).violations;
    expect(v).toMatchObject({ rowCode: '02', column: 'c2' });
    expect(v.rule).toContain('比上期（2018-05）减少');
  });
});
