// Cells as the app's own 普查人员花名册 (R1) writes them, read back by the roster import, so that a
// roster exported in full imports into another office with every person intact:
// 聘用起止日期 `2018-03-01至2019-03-31` becomes 聘用开始日期 and 聘用结束日期 (unless the sheet has
// those columns too), and 所属普查指导员 `宋红（51132320003）` — R1 adds the 人员编号 where two people
// share a name — becomes the 人员编号, which the import finds unambiguously.
import { normalizeText } from '../../core/text';

const SPAN = /^(\d{4}-\d{2}-\d{2})?至(\d{4}-\d{2}-\d{2})?$/;
const NAME_WITH_CODE = /^.+[（(](\d{11})[）)]$/;

/** Rewrites the mapped row's values in place; anything else it leaves for the usual checks. */
export function readOwnRosterCells(input: Record<string, unknown>): void {
  if (input.hirePeriod !== undefined) {
    const text = normalizeText(String(input.hirePeriod)).replace(/\s/g, '');
    const m = SPAN.exec(text);
    delete input.hirePeriod;
    if (m) {
      if (m[1] && input.hireStart === undefined) input.hireStart = m[1];
      if (m[2] && input.hireEnd === undefined) input.hireEnd = m[2];
    } else if (text && input.hireStart === undefined) {
      // Not a span: taken as the start, which the date check then judges in its own words.
      input.hireStart = text;
    }
  }
  if (typeof input.supervisor === 'string') {
    const m = NAME_WITH_CODE.exec(normalizeText(input.supervisor));
    if (m) input.supervisor = m[1];
  }
}
