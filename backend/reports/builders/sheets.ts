// The printable sheets: 培训签到表 (per session), 合同跟踪表 (per contract) and 劳务报酬发放表 (R6,
// per pay run). Exported as workbooks and returned as data for the print views.
import { PAY_SHEET, SIGN_IN } from '../../../core/reports/layouts/people';
import { publishFileText, TRACKING_LAYOUT, type TrackingDoc } from '../../../core/reports/tracking';
import { docRow, docRows, labelled, sumOf, type FigureRow } from '../../../core/reports/figures';
import { maskValue } from '../../../core/reports/mask';
import { periodLabel } from '../../../core/reports/period';
import type { DocRow, TableDoc } from '../../../core/reports/doc';
import { formatYuanSymbol, toDaxie } from '../../../core/money';
import { frameOf, type BuildEnv } from './env';
import { read } from '../read';

const sensitive = (env: BuildEnv, kind: 'idNumber' | 'bankAccount' | 'mobile', v: string | null | undefined) =>
  env.params.fullSensitive ? (v ?? null) : maskValue(kind, v ?? null);

export async function payRunDoc(
  env: BuildEnv,
  payRunId: number,
): Promise<{ doc: TableDoc; title: string; period: string }> {
  const run = await read(env.ctx, 'payRun.get', { id: payRunId });
  const rows: FigureRow[] = run.lines.map((l, i) => ({
    kind: 'item',
    values: {
      seq: i + 1,
      name: l.personName,
      roles: l.roles.join('、'),
      idNumber: sensitive(env, 'idNumber', l.idNumber),
      bankName: l.bankName,
      bankAccount: sensitive(env, 'bankAccount', l.bankAccount),
      quantity: l.quantity,
      rate: l.rate,
      amount: l.amount,
      signature: null,
    },
  }));
  const amount = sumOf(rows, 'amount') ?? 0;
  const quantity = Math.round((sumOf(rows, 'quantity') ?? 0) * 100) / 100;
  // 合计 with the amount in 大写 across the descriptive columns and in figures under 金额.
  const total: DocRow = {
    kind: 'total',
    cells: [
      '合计',
      `人民币（大写）：${toDaxie(amount)}\u3000\u3000（小写）：${formatYuanSymbol(amount)}`,
      null,
      null,
      null,
      null,
      quantity,
      null,
      amount / 100,
      null,
    ],
    span: [1, 5],
  };
  const frame = frameOf(env, 'R6', periodLabel(run.period), '元');
  const doc: TableDoc = {
    ...frame,
    unitLine: { ...frame.unitLine, centre: `${run.title}（${periodLabel(run.period)}）` },
    layout: PAY_SHEET,
    blocks: [],
    moneyUnit: '元',
    rows: [...rows.map((r) => docRow(PAY_SHEET, r, '元')), total],
  };
  return { doc, title: run.title, period: run.period };
}

const dates = (from: string, to: string) => (from === to ? from : `${from}至${to}`);

export async function signInDoc(env: BuildEnv, sessionId: number): Promise<{ doc: TableDoc; name: string }> {
  const session = await read(env.ctx, 'training.get', { id: sessionId });
  const people = env.ctx.db
    .prepare(
      `SELECT coalesce(p.name, a.guest_name) AS name, coalesce(p.employer, a.guest_unit) AS unit, coalesce(p.mobile, a.guest_phone) AS mobile,
         a.signed_in, coalesce(a.makeup_score, a.score) AS score
       FROM training_attendance a LEFT JOIN people p ON p.id = a.person_id WHERE a.session_id = ? ORDER BY a.id`,
    )
    .all(sessionId) as {
    name: string;
    unit: string | null;
    mobile: string | null;
    signed_in: number;
    score: number | null;
  }[];
  const rows: FigureRow[] = people.map((p, i) => ({
    kind: 'item',
    values: {
      seq: i + 1,
      name: p.name,
      unit: p.unit,
      mobile: sensitive(env, 'mobile', p.mobile),
      signedIn: p.signed_in ? '✓' : null,
      score: p.score,
      signature: null,
    },
  }));
  // Title, 表号/制定机关 and footer are the clerk's wording; row 2 describes the session.
  const frame = frameOf(env, 'R4-signin', '', null, undefined, { 培训班名称: session.name });
  const doc: TableDoc = {
    title: frame.title,
    unitLine: {
      left: `培训时间：${dates(session.startDate, session.endDate)}`,
      centre: session.location ? `地点：${session.location}` : '',
      right: [session.hostUnit ? `主办单位：${session.hostUnit}` : '', frame.unitLine.right].filter(Boolean).join('\n'),
    },
    footer: frame.footer,
    layout: SIGN_IN,
    blocks: [],
    moneyUnit: '元',
    rows: docRows(SIGN_IN, rows, '元', 'bottom'),
  };
  return { doc, name: session.name };
}

const yuan = (fen: number | null | undefined) => (fen == null ? '' : formatYuanSymbol(fen));

export async function trackingDoc(
  env: BuildEnv,
  contractId: number,
): Promise<{ doc: TrackingDoc; contractNo: string }> {
  const d = await read(env.ctx, 'contract.detail', { id: contractId });
  const c = d.contract;
  const nodes: FigureRow[] = d.nodes.map((n) => ({
    kind: 'item',
    values: {
      seq: n.seq,
      work: n.workContent,
      planned: n.plannedDate ?? null,
      actual: n.actualDate ?? null,
      quality: n.qualityNote ?? (n.overdue ? '逾期未完成' : null),
      ratio: n.payableRatio ?? null,
      payable: n.payableAmount ?? null,
      paid: n.paidAmount,
      paidDate: n.paidDate ?? null,
      handler: n.handlerName ?? null,
      note: n.note ?? null,
    },
  }));
  const total = labelled(TRACKING_LAYOUT, 'total', '合计', {
    payable: sumOf(nodes, 'payable'),
    paid: sumOf(nodes, 'paid') ?? 0,
  });
  const latest = d.acceptances.at(-1);
  const frame = frameOf(env, 'R5-tracking', '', '元', undefined, { 合同名称: c.name, 合同编号: c.contractNo });
  const doc: TrackingDoc = {
    title: frame.title,
    unitLine: frame.unitLine,
    fields: {
      name: c.name,
      contractNo: c.contractNo,
      agency: d.agency.name,
      creditCode: d.agency.creditCode,
      procurement: c.procurementMethod,
      signedDate: c.signedDate ?? '',
      amountDaxie: toDaxie(c.amount),
      amountFigures: formatYuanSymbol(c.amount),
      servicePeriod: c.serviceStart || c.serviceEnd ? `${c.serviceStart ?? ''}至${c.serviceEnd ?? ''}` : '',
      manager: [c.managerName, c.managerPhone].filter(Boolean).join('　'),
      deposit: yuan(c.deposit),
      publishFile: publishFileText(c),
    },
    nodes: docRows(TRACKING_LAYOUT, [...nodes, total], '元', 'bottom'),
    acceptance: {
      acceptedDate: latest?.acceptedDate ?? '',
      conclusion: latest?.conclusion ?? '',
      issues: latest?.issues ?? '',
      members: latest?.members ?? '',
    },
    signatures: frame.footer ?? '',
  };
  return { doc, contractNo: c.contractNo };
}
