// A list whose 公民身份号码, 银行卡号 or 手机 are the masked display values (5113**********123X,
// 138****5678) — a roster this app exported without 完整敏感信息, or a copy of a masked screen —
// cannot be imported: every row would fail with the same fault. One refusal that says why and how
// to get a full export replaces hundreds of row errors. A column counts as masked when most of
// its filled cells are; a single masked cell stays a row error like any other bad value.
import { columnIndex } from '../../core/imports/columns';
import { cellAt } from '../../core/imports/sheet';
import { UserError } from '../../db/errors';
import type { Layout } from './layout';

const LABELS: Record<string, string> = { idNumber: '公民身份号码', bankAccount: '银行卡号', mobile: '手机' };

/** Digits with a run of stars inside, as maskIdNumber / maskBankCard / maskPhone write them. */
const MASKED = /^[\dXx]*\*{3,}[\dXx]+$/;

export function refuseMaskedNumbers(layout: Layout): void {
  const masked: string[] = [];
  for (const [letter, field] of Object.entries(layout.mapping)) {
    if (!field || !(field in LABELS)) continue;
    const c = columnIndex(letter);
    let filled = 0;
    let stars = 0;
    for (const r of layout.data.rows) {
      const v = cellAt(layout.sheet, r, c);
      if (v === null || v === '') continue;
      filled++;
      // Most cells have no star at all: only those are worth the regular expressions.
      if (typeof v === 'string' && v.includes('*') && MASKED.test(v.replace(/\s/g, ''))) stars++;
    }
    if (filled > 0 && stars * 2 > filled) masked.push(LABELS[field]);
  }
  if (!masked.length) return;
  const what = masked.join('、');
  const message =
    `表中的${what}是隐藏了部分数字的显示值（如 5113**********123X），不能导入。` +
    `请由可查看完整信息的操作员（管理员）在「报表导出」中勾选“导出完整的${what}”后重新导出，或使用含完整号码的原始名单。`;
  throw new UserError('MASKED_NUMBERS', message, [{ path: 'file', message }]);
}
