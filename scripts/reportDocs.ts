// Renders the table of exportable reports in docs/reports.md from the report catalogue
// (core/reports/catalogue.ts), between two markers, so the document cannot drift from the code
// (test/docs/reportDocs.test.ts fails when the committed section is stale; `npm run docs:api`
// rewrites it).
import { REPORTS, paramLabel, paramsOf, sensitiveColumns, type ReportId } from '../core/reports/catalogue';

export const BEGIN = '<!-- report-catalogue:begin (generated from core/reports/catalogue.ts) -->';
export const END = '<!-- report-catalogue:end -->';

const SENSITIVE_LABEL = { idNumber: '公民身份号码', bankAccount: '银行卡号', mobile: '手机' } as const;

function params(id: ReportId): string {
  const list = paramsOf(id).map(([key, use]) => {
    const need = use.required ? '必填' : (use.note ?? '可选');
    const extra = use.halves ? `${need}，可选上/下半月` : need;
    return `\`${key}\` ${paramLabel(key)}（${extra}）`;
  });
  return list.length ? list.join('; ') : '—';
}

export function renderReportCatalogue(): string {
  const rows = REPORTS.map((r) => {
    const sensitive = sensitiveColumns(r.id).map((k) => SENSITIVE_LABEL[k]);
    return `| \`${r.id}\` | ${r.name} | ${r.kind === 'report' ? '报表' : '单据'} | ${params(r.id)} | ${
      sensitive.length ? sensitive.join('、') : '—'
    } | ${r.recordedAsSent ? '是' : '—'} |`;
  });
  return [
    BEGIN,
    '| reportId | 名称 | 类别 | 参数 | 敏感列（默认打码） | 记为报送 |',
    '|---|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
}

/** The document with its generated section replaced. */
export function withReportCatalogue(markdown: string): string {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/reports.md has no report-catalogue markers');
  return markdown.slice(0, start) + renderReportCatalogue() + markdown.slice(end + END.length);
}
