// ledger.export: the ledger as a workbook through the report writer (the common frame: title, the
// 填报单位 line, A4 with page numbers): 报送台账, units down and periods across, each cell the state
// with the version and the day it arrived; and 报送明细, one row per unit and period with every
// fact of the cell. Built off the request's transaction (no effect): it writes nothing.
import type { HandlerCtx } from '../../context';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { ColumnDef, SheetLayout } from '../../../core/reports/layout';
import type { DocRow, TableFrame } from '../../../core/reports/doc';
import { formatDateCn, todayIso } from '../../../core/dates';
import { periodLabel } from '../../../core/reports/period';
import { writeWorkbook, APP_NAME, type SheetSpec } from '../../reports/writer/workbook';
import { sha256 } from '../../reports/hash';
import { saveAtomically, checkSavePath } from '../../reports/save';
import { ledgerOf, type Ledger, type LedgerCell } from './ledger';
import { localDay, localTime } from './time';

const col = (key: string, label: string, kind: ColumnDef['kind'], width: number): ColumnDef => ({
  key,
  label,
  kind,
  width,
});

const day = (iso: string | null) => (iso ? localDay(iso).slice(5) : '');

/** What a grid cell says: 按时 v2 11-03 · 未报 · 拒收（数据摘要不符）. */
function cellText(c: LedgerCell): string {
  if (c.version !== null) return `${c.state} 第${c.version}版 ${day(c.receivedAt)}`;
  return c.state;
}

function frame(layout: SheetLayout, l: Ledger, title: string, centre: string): TableFrame {
  return {
    layout,
    title,
    unitLine: { left: `填报单位：${l.office.name}`, centre, right: '' },
    blocks: [],
    footer: null,
    moneyUnit: '元',
  };
}

/** A landscape sheet whose first three columns (序号, 单位代码, 单位) name the unit and stay in view. */
function unitLayout(
  id: string,
  sheetName: string,
  nameWidth: number,
  columns: ColumnDef[],
  more: Partial<SheetLayout> = {},
): SheetLayout {
  return {
    id,
    sheetName,
    orientation: 'landscape',
    codeRow: false,
    total: 'none',
    freezeColumns: 3,
    columns: [
      col('seq', '序号', 'seq', 6),
      col('code', '单位代码', 'code', 10),
      col('name', '单位', 'text', nameWidth),
      ...columns,
    ],
    ...more,
  };
}

function gridSheet(l: Ledger, span: string): SheetSpec {
  const layout = unitLayout(
    'ledgerGrid',
    '报送台账',
    14,
    l.periods.map((p) => col(p.period, p.periodText, 'text', 18)),
    {
      notes: [
        `报送截止日期为报告期结束后第 ${l.office.deadlineDay} 天（按月报送为次月 ${l.office.deadlineDay} 日）；按首次收到正式版本的日期判断按时或逾期。`,
        '未到期：截止日期未到，尚未收到；未报：已过截止日期，尚未收到；拒收：收到的文件均被拒收；仅草稿：只收到草稿。',
      ],
      pagesWide: l.periods.length > 8 ? Math.ceil(l.periods.length / 8) : 1,
      repeatColumns: 3,
    },
  );
  const rows: DocRow[] = l.units.map((u, i) => ({
    kind: 'item',
    cells: [
      i + 1,
      u.code,
      u.name,
      ...l.periods.map((p) => {
        const c = l.cells.find((x) => x.unitCode === u.code && x.period === p.period);
        return c ? cellText(c) : '';
      }),
    ],
  }));
  return { type: 'table', frame: frame(layout, l, `${l.office.name}工作进度月报报送台账`, span), rows };
}

function detailSheet(l: Ledger, span: string): SheetSpec {
  const layout = unitLayout('ledgerDetail', '报送明细', 12, [
    col('period', '报告期', 'text', 12),
    col('deadline', '截止日期', 'date', 11),
    col('state', '状态', 'text', 9),
    col('version', '最新版本', 'int', 8),
    col('first', '首次收到', 'text', 16),
    col('last', '最新版本收到', 'text', 16),
    col('late', '逾期天数', 'int', 8),
    col('note', '说明', 'text', 36),
  ]);
  const names = new Map(l.units.map((u) => [u.code, u.name]));
  const deadlines = new Map(l.periods.map((p) => [p.period, p.deadline]));
  const time = (iso: string | null) => (iso ? localTime(iso) : '');
  const rows: DocRow[] = l.cells.map((c, i) => ({
    kind: 'item',
    cells: [
      i + 1,
      c.unitCode,
      names.get(c.unitCode) ?? '',
      periodLabel(c.period),
      deadlines.get(c.period) ?? null,
      c.state,
      c.version,
      time(c.firstReceivedAt),
      time(c.receivedAt),
      c.daysLate || null,
      c.refusal ? c.refusal.reason : c.acceptNote ? `附说明接收：${c.acceptNote}` : '',
    ],
  }));
  return { type: 'table', frame: frame(layout, l, `${l.office.name}工作进度月报报送明细`, span), rows };
}

export async function exportLedger(
  ctx: HandlerCtx,
  input: ParsedInputOf<'ledger.export'>,
): Promise<OutputOf<'ledger.export'>> {
  if (input.savePath) checkSavePath(input.savePath);
  const l = ledgerOf(ctx, input.from, input.to);
  const span = l.periods.length ? `${l.periods[0].periodText}至${l.periods[l.periods.length - 1].periodText}` : '';
  const now = ctx.now();
  const bytes = await writeWorkbook(
    [gridSheet(l, span), detailSheet(l, span)],
    {
      app: APP_NAME,
      countyCode: l.office.code,
      countyName: l.office.name,
      reportId: 'LEDGER',
      reportName: '报送台账',
      period: `${input.from}~${input.to}`,
      generatedAt: now.toISOString(),
    },
    now,
  );
  const fileName = `${l.office.name}_报送台账_${span || formatDateCn(todayIso(now))}.xlsx`;
  const savedPath = input.savePath ? saveAtomically(input.savePath, bytes) : null;
  return {
    fileName,
    size: bytes.length,
    sha256: sha256(bytes),
    base64: savedPath ? null : bytes.toString('base64'),
    savedPath,
  };
}
