// Reports (reports.md): export a workbook (built off-thread), re-export a recorded monthly report
// byte for byte, read one back, follow an export's progress, and the print views' data. Who may
// export what, and which exports write, the contract says (core/api/reports.ts); the exports that
// write are two-phase: the workbook is built first, then recorded in dispatch's transaction.
import type { reportsApi } from '../../core/api/reports';
import { exportsFullSensitive } from '../../core/api/reports';
import type { OutputOf } from '../../core/api';
import { isRecordedAsSent, reportName, type ReportId } from '../../core/reports/catalogue';
import { LAYOUT_VERSION } from '../../core/reports/layout';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import { twoPhase } from '../phases';
import type { AreaHandlers } from './types';
import { NO_PARAMS, exportContext, printEnv } from '../reports/context';
import { runExport } from '../reports/pool';
import { getProgress, setProgress } from '../reports/progress';
import { checkSavePath, saveAtomically } from '../reports/save';
import { auditFullSensitive, loadExport, recordMonthly } from '../reports/history';
import { confirmOfficial, planOfficial, submissionStatus } from '../reports/submission';
import { verifyWorkbook } from '../reports/verify';
import { payRunDoc, signInDoc, trackingDoc } from '../reports/builders/sheets';
import { printRegistrationForm } from '../reports/registration';
import type { TableDoc } from '../../core/reports/doc';
import type { ExportFile, ExportParams } from '../reports/types';

type FileOut = OutputOf<'report.export'>;

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

/**
 * The workbook as base64 for a caller that takes it so (in-process, the desktop without a path);
 * null when the desktop saves it, or when the transport keeps the bytes (ctx.keepFile, browser
 * mode): a 100k roster's 14 MB would otherwise pass the request thread as 19 MB of text and a
 * decoded 14 MB copy.
 */
const base64Of = (ctx: HandlerCtx, file: ExportFile, savePath: string | null) =>
  savePath || ctx.keepFile
    ? null
    : Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64');

/** Saved where the desktop asked (the file never half-written), kept by the transport, or handed back as base64. */
function deliver(ctx: HandlerCtx, file: ExportFile, savePath: string | null, base64: string | null): FileDelivery {
  const savedPath = savePath ? saveAtomically(savePath, file.bytes) : null;
  const kept = !savePath && ctx.keepFile ? ctx.keepFile(file.bytes, file.fileName) : null;
  return {
    fileName: file.fileName,
    size: file.bytes.byteLength,
    sha256: file.sha256,
    base64: kept ?? base64,
    savedPath,
  };
}

type FileDelivery = Pick<FileOut, 'base64' | 'savedPath' | 'size' | 'sha256' | 'fileName'>;

interface Built {
  file: ExportFile;
  base64: string | null;
  params: ExportParams;
  exportedAt: string;
}

/**
 * Built off-thread first; then, in dispatch's transaction when the export writes, saved and
 * recorded: a save that fails (the file open in Excel) records nothing, and a report recorded as
 * sent is always one the clerk got. An R2 is a draft (nothing recorded) or an official version:
 * its gates, version and export id are settled before the build (the file carries them) and
 * checked again before it is recorded (reports/submission.ts).
 */
const exportReport = twoPhase<'report.export', Built>({
  async prepare(input, ctx) {
    const { office, texts } = exportContext(ctx, input.reportId);
    if (input.savePath) checkSavePath(input.savePath);
    const { jobId, savePath, mode, correctionReason, ...rest } = input;
    const params: ExportParams = { ...rest, fullSensitive: exportsFullSensitive(input) };
    if (isRecordedAsSent(input.reportId)) {
      params.submission =
        mode === 'official'
          ? planOfficial(ctx, input.period!, correctionReason)
          : { status: 'draft', version: null, exportUid: null, correctionReason: null };
    }
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
    return { file, base64: base64Of(ctx, file, savePath), params, exportedAt };
  },
  commit({ file, base64, params, exportedAt }, input, ctx) {
    let recorded: { id: number; version: number } | null = null;
    const submission = params.submission ?? null;
    if (submission?.status === 'official') {
      if (!file.monthly) throw new Error(`${reportName(input.reportId)}的导出缺少报送数据`);
      confirmOfficial(ctx, input.period!, submission, {
        countyCode: file.monthly.meta.countyCode,
        figures: file.monthly.figures,
      });
      recorded = recordMonthly(ctx, {
        period: input.period!,
        version: submission.version!,
        exportUid: submission.exportUid!,
        correctionReason: submission.correctionReason,
        exportedAt,
        fileName: file.fileName,
        sha256: file.sha256,
        monthly: file.monthly,
      });
    } else if (params.fullSensitive) {
      auditFullSensitive(ctx, {
        reportId: input.reportId,
        reportName: reportName(input.reportId),
        params,
        fileName: file.fileName,
        fileHash: file.sha256,
      });
    }
    const out = deliver(ctx, file, input.savePath, base64);
    return {
      ...out,
      exportId: recorded?.id ?? null,
      version: recorded?.version ?? null,
      status: submission?.status ?? null,
      exportUid: submission?.exportUid ?? null,
      fullSensitive: params.fullSensitive,
    };
  },
});

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
  // Every version recorded under this layout carries its meta (those before it have layout 1).
  if (!rec.meta) throw new UserError('LAYOUT_CHANGED', `第${rec.version}版的记录缺少文件标识信息，无法重现原文件`);
  if (input.savePath) checkSavePath(input.savePath);
  const file = await run(ctx, input.jobId, {
    type: 'rebuild',
    version: rec.version,
    figures: rec.figures,
    frame: rec.frame,
    meta: rec.meta,
    exportedAt: rec.exportedAt,
    fileName: rec.fileName,
  });
  if (file.sha256 !== rec.fileHash) {
    throw new UserError('REEXPORT_MISMATCH', `重新生成的文件与第${rec.version}版报送文件不一致，未导出`);
  }
  const delivered = deliver(ctx, file, input.savePath, base64Of(ctx, file, input.savePath));
  return {
    ...delivered,
    exportId: rec.id,
    version: rec.version,
    status: 'official',
    exportUid: rec.exportUid,
    fullSensitive: false,
  };
}

/** Print data with sensitive values in full (the contract admits only the reveal roles) is audited like a full export. */
function auditPrint(ctx: HandlerCtx, params: ExportParams, title: string) {
  if (params.fullSensitive)
    auditFullSensitive(ctx, {
      reportId: params.reportId,
      reportName: reportName(params.reportId),
      params,
      print: true,
      title,
    });
}

function printParams(reportId: ReportId, extra: Partial<ExportParams>, full: boolean): ExportParams {
  return { ...NO_PARAMS, ...extra, reportId, fullSensitive: full };
}

/** A print view's data, built first; in full, audited in dispatch's transaction. */
interface Printed {
  doc: TableDoc;
  params: ExportParams;
}
const commitPrint = ({ doc, params }: Printed, _input: unknown, ctx: HandlerCtx): TableDoc => {
  auditPrint(ctx, params, doc.title);
  return doc;
};

export const reportsHandlers: AreaHandlers<typeof reportsApi> = {
  'report.export': exportReport,
  'report.reexport': reexport,
  'report.status': (input, ctx) => submissionStatus(ctx, input.period),
  'report.progress': (input) => getProgress(input.jobId),
  'report.read': (input, ctx) => {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new UserError('UNREADABLE', '工作簿内容不是有效的 base64 文本');
    return verifyWorkbook(ctx, bytes);
  },
  'print.paySheet': twoPhase<'print.paySheet', Printed>({
    async prepare(input, ctx) {
      const params = printParams('R6', { payRunId: input.payRunId }, input.fullSensitive);
      const { office, texts } = exportContext(ctx, 'R6');
      const { doc } = await payRunDoc(printEnv(ctx, params, office, texts), input.payRunId);
      return { doc, params };
    },
    commit: commitPrint,
  }),
  'print.signInSheet': twoPhase<'print.signInSheet', Printed>({
    async prepare(input, ctx) {
      const params = printParams('R4-signin', { sessionId: input.sessionId }, input.fullSensitive);
      const { office, texts } = exportContext(ctx, 'R4-signin');
      const { doc } = await signInDoc(printEnv(ctx, params, office, texts), input.sessionId);
      return { doc, params };
    },
    commit: commitPrint,
  }),
  'print.contractSheet': async (input, ctx) => {
    const params = printParams('R5-tracking', { contractId: input.contractId }, false);
    const { office, texts } = exportContext(ctx, 'R5-tracking');
    return (await trackingDoc(printEnv(ctx, params, office, texts), input.contractId)).doc;
  },
  'print.registrationForm': printRegistrationForm,
};
