// Reports (reports.md): export a workbook (built off-thread), re-export a recorded monthly report
// byte for byte, read one back, follow an export's progress, and the print views' data.
import type { z } from 'zod';
import type { reportsApi } from '../../core/api/reports';
import type { OutputOf } from '../../core/api';
import type { reportExportInput } from '../../core/schemas/reports';
import { EXPORT_REPORT_NAMES, type ExportReportId } from '../../core/schemas/reports';
import { LAYOUT_VERSION } from '../../core/reports/layout';
import { getOffice } from '../../db/entities/system';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import type { AreaHandlers } from './types';
import { ROLES_FOR_ACCESS } from '../access';
import { NO_PARAMS, exportContext, printEnv, requireFullSensitive } from '../reports/context';
import { runExport } from '../reports/pool';
import { getProgress, setProgress } from '../reports/progress';
import { checkSavePath, saveAtomically } from '../reports/save';
import { auditFullSensitive, loadExport, recordMonthly } from '../reports/history';
import { readMonthlyWorkbook } from '../reports/reader';
import { payRunDoc, signInDoc, trackingDoc } from '../reports/builders/sheets';
import type { ExportFile, ExportParams } from '../reports/types';

type ExportInput = z.output<typeof reportExportInput>;
type FileOut = OutputOf<'report.export'>;

/** Reports with columns that are masked unless exported in full. */
const SENSITIVE: ReadonlySet<ExportReportId> = new Set(['R1', 'R4-signin', 'R6']);

const dbPathOf = (ctx: HandlerCtx) => ctx.workspace?.path ?? ctx.db.name;

/** Runs a job with its progress published under jobId. */
async function run(ctx: HandlerCtx, jobId: string | null, job: Parameters<typeof runExport>[1]): Promise<ExportFile> {
  setProgress(jobId, '排队');
  try {
    const file = await runExport(ctx.db, job, (done, total) =>
      setProgress(jobId, done === 0 && total === 0 ? '读取数据' : '写入', done, total),
    );
    setProgress(jobId, '完成', 1, 1);
    return file;
  } catch (e) {
    setProgress(jobId, '失败');
    throw e;
  }
}

/** Saved where the desktop asked (the file never half-written), or handed back as base64. */
function deliver(
  file: ExportFile,
  savePath: string | null,
): Pick<FileOut, 'base64' | 'savedPath' | 'size' | 'sha256' | 'fileName'> {
  const savedPath = savePath ? saveAtomically(savePath, file.bytes) : null;
  return {
    fileName: file.fileName,
    size: file.bytes.byteLength,
    sha256: file.sha256,
    base64: savedPath
      ? null
      : Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64'),
    savedPath,
  };
}

/** Exporting the monthly report records it as sent to the city: a 录入员's or 管理员's act. */
function requireSender(ctx: HandlerCtx) {
  const role = ctx.operator?.role;
  if (!role || !ROLES_FOR_ACCESS.write.includes(role)) {
    throw new UserError(
      'FORBIDDEN',
      `当前角色（${role ?? '未登录'}）不能导出报送工作进度月报：需要${ROLES_FOR_ACCESS.write.join('或')}权限；可在导出记录中重新导出已报送的版本`,
    );
  }
}

async function exportReport(input: ExportInput, ctx: HandlerCtx): Promise<FileOut> {
  if (input.reportId === 'R2') requireSender(ctx);
  const fullSensitive = input.fullSensitive && SENSITIVE.has(input.reportId);
  if (input.fullSensitive) requireFullSensitive(ctx);
  const { office, texts } = exportContext(ctx, input.reportId);
  if (input.savePath) checkSavePath(input.savePath);
  const { jobId, savePath, ...rest } = input;
  const params: ExportParams = { ...rest, fullSensitive };
  const exportedAt = ctx.now().toISOString();
  const file = await run(ctx, jobId, {
    type: 'build',
    params,
    office,
    texts,
    exportedAt,
    operator: ctx.operator,
    dbPath: dbPathOf(ctx),
  });
  const out = deliver(file, savePath);
  let recorded: { id: number; version: number } | null = null;
  if (file.monthly) {
    recorded = recordMonthly(ctx, {
      period: input.period!,
      exportedAt,
      fileName: file.fileName,
      sha256: file.sha256,
      ...file.monthly,
    });
  } else if (fullSensitive) {
    auditFullSensitive(ctx, {
      reportId: input.reportId,
      reportName: EXPORT_REPORT_NAMES[input.reportId],
      params,
      fileName: file.fileName,
      fileHash: file.sha256,
    });
  }
  return { ...out, exportId: recorded?.id ?? null, version: recorded?.version ?? null, fullSensitive };
}

async function reexport(
  input: { exportId: number; jobId: string | null; savePath: string | null },
  ctx: HandlerCtx,
): Promise<FileOut> {
  const rec = loadExport(ctx, input.exportId);
  if (rec.layoutVersion !== LAYOUT_VERSION) {
    throw new UserError(
      'LAYOUT_CHANGED',
      `该版本按第${rec.layoutVersion}版报表格式导出，当前程序为第${LAYOUT_VERSION}版格式，无法重现与原文件完全相同的工作簿；报送的数据仍可在导出记录中查看`,
    );
  }
  if (input.savePath) checkSavePath(input.savePath);
  const office = getOffice(ctx.db) as { countyName: string; countyCode: string } | null;
  if (!office) throw new UserError('PROFILE_INCOMPLETE', '尚未填写单位信息');
  const file = await run(ctx, input.jobId, {
    type: 'rebuild',
    figures: rec.figures,
    frame: rec.frame,
    office: { countyName: office.countyName, countyCode: office.countyCode },
    exportedAt: rec.exportedAt,
    fileName: rec.fileName,
  });
  if (file.sha256 !== rec.fileHash) {
    throw new UserError(
      'REEXPORT_MISMATCH',
      `重新生成的文件与第${rec.version}版报送文件不一致（单位信息中的县名或区划代码可能已修改），未导出`,
    );
  }
  return { ...deliver(file, input.savePath), exportId: rec.id, version: rec.version, fullSensitive: false };
}

/** Print data with sensitive values in full is audited like a full export. */
function printParams(
  ctx: HandlerCtx,
  reportId: ExportReportId,
  extra: Partial<ExportParams>,
  full: boolean,
): ExportParams {
  if (full) requireFullSensitive(ctx);
  return { ...NO_PARAMS, ...extra, reportId, fullSensitive: full };
}

function auditPrint(ctx: HandlerCtx, params: ExportParams, title: string) {
  if (params.fullSensitive)
    auditFullSensitive(ctx, {
      reportId: params.reportId,
      reportName: EXPORT_REPORT_NAMES[params.reportId],
      params,
      print: true,
      title,
    });
}

export const reportsHandlers: AreaHandlers<typeof reportsApi> = {
  'report.export': exportReport,
  'report.reexport': reexport,
  'report.progress': (input) => getProgress(input.jobId),
  'report.read': (input) => {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new UserError('UNREADABLE', '工作簿内容不是有效的 base64 文本');
    return readMonthlyWorkbook(bytes);
  },
  'print.paySheet': async (input, ctx) => {
    const params = printParams(ctx, 'R6', { payRunId: input.payRunId }, input.fullSensitive);
    const { office, texts } = exportContext(ctx, 'R6');
    const { doc } = await payRunDoc(printEnv(ctx, params, office, texts), input.payRunId);
    auditPrint(ctx, params, doc.title);
    return doc;
  },
  'print.signInSheet': async (input, ctx) => {
    const params = printParams(ctx, 'R4-signin', { sessionId: input.sessionId }, input.fullSensitive);
    const { office, texts } = exportContext(ctx, 'R4-signin');
    const { doc } = await signInDoc(printEnv(ctx, params, office, texts), input.sessionId);
    auditPrint(ctx, params, doc.title);
    return doc;
  },
  'print.contractSheet': async (input, ctx) => {
    const params = printParams(ctx, 'R5-tracking', { contractId: input.contractId }, false);
    const { office, texts } = exportContext(ctx, 'R5-tracking');
    return (await trackingDoc(printEnv(ctx, params, office, texts), input.contractId)).doc;
  },
};
