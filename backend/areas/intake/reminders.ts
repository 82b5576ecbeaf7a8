// 催报: for one period, each unit whose report is not filed — nothing arrived, only refused files
// (not sent again), or only a draft — with what is missing and since when (the deadline), and one
// message the clerk pastes into WeChat or mail as it is.
import type { HandlerCtx } from '../../context';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { IntakeReason } from '../../../core/schemas/intake';
import { formatDateCn, todayIso } from '../../../core/dates';
import { ledgerOf, type LedgerCell } from './ledger';

/** A refusal in a few words, for a line of the message (the full reason is on the intake page). */
export const REASON_SHORT: Record<IntakeReason, string> = {
  OTHER_CITY: '不是本市的报表',
  OTHER_PROVINCE: '不是本省的报表',
  WRONG_LEVEL: '报表层级不符',
  NOT_A_UNIT: '单位不在名单中',
  DRAFT: '是草稿',
  LAYOUT_UNKNOWN: '报表格式版本不符',
  NO_META: '缺少标识信息',
  DIGEST: '数据摘要不符，导出后被修改过',
  DAMAGED: '文件损坏无法读取',
  TOO_LARGE: '文件过大',
  NOT_MONTHLY: '不是工作进度月报',
  OLDER_VERSION: '是较早的版本',
  VERSION_CLASH: '与已收到的同一版本内容不同',
  SAME_FILE: '与已收到的文件相同',
  SAME_REPORT: '与已收到的版本相同',
};

function missingOf(c: LedgerCell): string {
  if (c.state === '仅草稿') return '只报送了草稿，尚未正式报送';
  if (c.state === '拒收' && c.refusal)
    return `报送的文件被拒收（${REASON_SHORT[c.refusal.reasonCode as IntakeReason] ?? c.refusal.reason}），尚未重新报送`;
  return '未报送';
}

const MISSING_STATES = new Set(['未报', '未到期', '拒收', '仅草稿']);

export function reminders(ctx: HandlerCtx, input: ParsedInputOf<'ledger.reminders'>): OutputOf<'ledger.reminders'> {
  const l = ledgerOf(ctx, input.period, input.period, [input.period]);
  const p = l.periods.find((x) => x.period === input.period)!;
  const names = new Map(l.units.map((u) => [u.code, u.name]));
  const lines = l.cells
    .filter((c) => c.period === input.period && MISSING_STATES.has(c.state))
    .map((c) => ({
      unitCode: c.unitCode,
      unitName: names.get(c.unitCode) ?? c.unitCode,
      missing: missingOf(c),
      state: c.state,
      since: p.deadline,
      daysLate: c.daysLate,
    }));
  const today = formatDateCn(todayIso(ctx.now()));
  const deadline = formatDateCn(p.deadline);
  const report = `${p.periodText}工作进度月报`;
  const kind = l.office.level === '市' ? '各县（区）普查办' : '各市（州）普查办';
  const text = lines.length
    ? [
        `${kind}：`,
        `截至${today}，以下单位的${report}（报送截止日期：${deadline}）尚未正式报送：`,
        ...lines.map(
          (x, i) => `${i + 1}. ${x.unitName}：${x.missing}${x.daysLate > 0 ? `，已逾期${x.daysLate}天` : ''}`,
        ),
        `请尽快在普查办工作台中正式报送，并将导出的报表原文件发送至${l.office.name}。`,
      ].join('\n')
    : `截至${today}，各单位的${report}均已正式报送。`;
  return { period: p.period, periodText: p.periodText, deadline: p.deadline, lines, text };
}
