// Reports (reports.md): Excel workbooks in the city's format, the monthly report's history and
// exact re-export, reading a workbook back, and the data of the print views.
//
// Exports are built off-thread, so their handlers are two-phase (backend/phases.ts): the workbook
// is built and saved first, then what the export writes — the history entry of a report recorded
// as sent, the audit entry of a full-sensitive export — lands in dispatch's transaction. Which
// exports write, and who may make them, the rules below say from the input.
import type { Access, InputRule } from './define';
import { method } from './define';
import * as s from '../schemas/reports';
import * as verify from '../schemas/verify';
import * as registration from '../schemas/registration';
import { hasSensitive, isRecordedAsSent, type ReportId } from '../reports/catalogue';

const FULL_SENSITIVE = {
  level: 'reveal',
  action: '导出或打印完整的公民身份号码、银行卡号和手机号码',
} as const satisfies { level: Access; action: string };

/** Asking for sensitive values in full needs the reveal roles; where the document has such columns, it is audited. */
const fullSensitiveRules = <T extends { fullSensitive: boolean }>(hasColumns: (input: T) => boolean) =>
  [
    { when: '要求完整敏感信息（fullSensitive）', applies: (i: T) => i.fullSensitive, access: FULL_SENSITIVE },
    {
      when: '含敏感列的文档要求完整敏感信息（记入操作日志）',
      applies: (i: T) => i.fullSensitive && hasColumns(i),
      effect: 'reveals',
    },
  ] as const satisfies readonly InputRule<T>[];

/** Whether an export carries sensitive values in full (the handler and the rules agree through this). */
export const exportsFullSensitive = (input: { reportId: ReportId; fullSensitive: boolean }) =>
  input.fullSensitive && hasSensitive(input.reportId);

export const reportsApi = {
  'report.export': method({
    input: s.reportExportInput,
    output: s.reportFileOutput,
    access: 'read',
    effect: 'none',
    rules: [
      {
        when: '正式报送工作进度月报（mode 为 official，记录为报送版本）',
        applies: (i) => isRecordedAsSent(i.reportId) && i.mode === 'official',
        access: {
          level: 'write',
          action: '正式报送工作进度月报',
          hint: '可导出草稿，或在报送记录中重新导出已报送的版本',
        },
        effect: 'write',
      },
      ...fullSensitiveRules(exportsFullSensitive),
    ],
    summary: '导出报表（Excel）；工作进度月报分草稿和正式报送，正式报送记录为新版本',
  }),
  'report.status': method({
    input: s.reportStatusInput,
    output: s.reportStatusOutput,
    access: 'read',
    effect: 'none',
    summary: '工作进度月报某报告期的报送状态（草稿 / 已报送第N版），以及现在能否正式报送、不能的原因',
  }),
  'report.reexport': method({
    input: s.reportReexportInput,
    output: s.reportFileOutput,
    access: 'read',
    effect: 'none',
    summary: '重新导出已报送版本（与原文件逐字节相同）',
  }),
  'report.progress': method({
    input: s.reportProgressInput,
    output: s.reportProgressOutput,
    access: 'read',
    effect: 'none',
    summary: '报表导出进度',
  }),
  'report.read': method({
    input: verify.reportVerifyInput,
    output: verify.reportVerifyOutput,
    access: 'read',
    effect: 'none',
    summary:
      '核对工作进度月报：与本单位该导出编号的报送记录逐格比对，并核对数据摘要、合计、比率、填报规则、行代码和标题，列出无法读取的单元格',
  }),
  'print.paySheet': method({
    input: s.printPaySheetInput,
    output: s.tableDocOutput,
    access: 'read',
    effect: 'none',
    rules: fullSensitiveRules(() => hasSensitive('R6')),
    summary: '劳务报酬发放表打印数据',
  }),
  'print.signInSheet': method({
    input: s.printSignInInput,
    output: s.tableDocOutput,
    access: 'read',
    effect: 'none',
    rules: fullSensitiveRules(() => hasSensitive('R4-signin')),
    summary: '培训签到表打印数据',
  }),
  'print.contractSheet': method({
    input: s.printContractInput,
    output: s.trackingDocOutput,
    access: 'read',
    effect: 'none',
    summary: '合同跟踪表打印数据',
  }),
  'print.registrationForm': method({
    input: registration.printRegistrationInput,
    output: registration.registrationDocOutput,
    access: 'read',
    effect: 'none',
    rules: fullSensitiveRules(() => true),
    summary: '人员登记表打印数据（公民身份号码、手机、银行卡号默认部分隐藏）',
  }),
};
