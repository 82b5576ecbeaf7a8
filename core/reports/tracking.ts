// The 合同跟踪表 (reports.md R5): a form, not a list. Its header grid is data (label/field pairs,
// two a row), followed by the node table, the 验收 block and the signatures. Its title, 表号,
// 制定机关 and signature line are the clerk's wording (settings reportTexts 'R5-tracking').
import type { DocRow } from './doc';
import { CONTRACT_NODES } from './layouts/money';

/** Two label/value pairs a row, by the field names of TrackingDoc.fields. */
export const TRACKING_GRID: readonly (readonly [string, string, string, string])[] = [
  ['合同名称', 'name', '合同编号', 'contractNo'],
  ['第三方机构', 'agency', '统一社会信用代码', 'creditCode'],
  ['采购方式', 'procurement', '签订日期', 'signedDate'],
  ['合同金额（大写）', 'amountDaxie', '（小写）', 'amountFigures'],
  ['服务期限', 'servicePeriod', '项目负责人及电话', 'manager'],
  ['履约保证金', 'deposit', '公告/备案日期', 'publishFile'],
];

export const TRACKING_ACCEPTANCE: readonly (readonly [string, string])[] = [
  ['验收日期', 'acceptedDate'],
  ['验收结论', 'conclusion'],
  ['问题与整改', 'issues'],
  ['验收组成员签字', 'members'],
];

export const TRACKING_LAYOUT = CONTRACT_NODES;

interface PublishFacts {
  publishedDate?: string | null;
  filedDate?: string | null;
  publishDue?: string | null;
  fileDue?: string | null;
  deadlineNote?: string | null;
}

/**
 * The 公告/备案日期 cell: each date, or 未公告 / 未备案 with the last day by working days (the
 * contract record's publishDue / fileDue), and a word when that day was counted Monday to Friday.
 */
export function publishFileText(c: PublishFacts): string {
  const part = (done: string | null | undefined, due: string | null | undefined, missing: string) =>
    done ?? (due ? `${missing}（期限${due}）` : missing);
  const text = `${part(c.publishedDate, c.publishDue, '未公告')} / ${part(c.filedDate, c.fileDue, '未备案')}`;
  const open = (!c.publishedDate && c.publishDue) || (!c.filedDate && c.fileDue);
  return open && c.deadlineNote ? `${text}（期限按周一至周五估算）` : text;
}

export interface TrackingDoc {
  title: string;
  unitLine: { left: string; centre: string; right: string };
  /** Values of TRACKING_GRID's fields, as printed. */
  fields: Record<string, string>;
  /** Node rows (money in 元) with the 合计 row last. */
  nodes: DocRow[];
  acceptance: Record<string, string>;
  /** The signature line under the form; '' leaves it out. */
  signatures: string;
}
