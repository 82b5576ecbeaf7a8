// What 核对 says about a workbook: findings by sheet and cell address, each of one kind.

/**
 * changed: a cell differs from what was recorded for the export id · missingRow / extraRow: a row
 * deleted or inserted since · digest: the figures no longer hash to the meta's digest · total: a
 * 合计 is not the sum of its rows · rate: a rate, 结余 or 未付 does not follow from its figures ·
 * rule: a progress rule is broken without a note · rowCode: a row code of 01–13 missing, repeated or
 * unknown · meta: the meta is missing, or differs from the record or from the visible title ·
 * unreadable: a cell, column or sheet that could not be read.
 */
export const FINDING_KINDS = [
  'changed',
  'missingRow',
  'extraRow',
  'digest',
  'total',
  'rate',
  'rule',
  'rowCode',
  'meta',
  'unreadable',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  changed: '数字被修改',
  missingRow: '行被删除',
  extraRow: '行被插入',
  digest: '摘要不符',
  total: '合计不符',
  rate: '推算不符',
  rule: '违反填报规则',
  rowCode: '行代码',
  meta: '标识信息',
  unreadable: '无法读取',
};

export interface Finding {
  /** The sheet's name (`进度调度表`, `_meta`), or '' for the workbook as a whole. */
  sheet: string;
  /** A1 address (`C6`), a row range (`A7:Q7`), or '' for the sheet as a whole. */
  cell: string;
  kind: FindingKind;
  /** The whole finding in Chinese, the address included. */
  message: string;
  /** For a changed cell: what was recorded and what the file holds now, as shown in the sheet. */
  before?: string | null;
  after?: string | null;
}

/** `进度调度表!C6` — how a message names a cell. */
export const cellRef = (sheet: string, cell: string) => (cell ? `${sheet}!${cell}` : sheet);
