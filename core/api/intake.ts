// Intake (收取报表) and the ledger (报送台账) of a city or province office (issue #16, submission.md
// §4). intake.receive takes one file per call (a workbook or a zip of them) and files every
// workbook in it in one transaction, with one audit entry for the call and one per workbook; the
// reading and checking run before it (two-phase, backend/phases.ts). Files are kept as received.
import { method } from './define';
import * as s from '../schemas/intake';

export const intakeApi = {
  'intake.receive': method({
    input: s.intakeReceiveInput,
    output: s.intakeReceiveOutput,
    access: 'write',
    effect: 'write',
    // One entry per workbook taken in (filed, refused or a duplicate), besides the call's own.
    recordEntries: (out) => out.results.length,
    summary: '收取报表：一个工作簿或其压缩包（zip），逐个核对后归档为新收、新版本、重复或拒收（保存原文件）',
  }),
  'intake.accept': method({
    input: s.intakeAcceptInput,
    output: s.intakeResult,
    access: 'write',
    effect: 'write',
    summary: '附说明接收：数据摘要不符而被拒收的报表，写明说明后归档（记入操作日志）',
  }),
  'intake.list': method({
    input: s.intakeListInput,
    output: s.intakeListOutput,
    access: 'read',
    effect: 'none',
    summary: '收取记录：每个收取的文件及其结果（可按批次、结果、单位、报告期筛选）',
  }),
  'intake.download': method({
    input: s.intakeDownloadInput,
    output: s.fileOutput,
    access: 'read',
    effect: 'none',
    summary: '下载收取的原文件（与收到时逐字节相同）',
  }),
  'ledger.get': method({
    input: s.ledgerGetInput,
    output: s.ledgerGetOutput,
    access: 'read',
    effect: 'none',
    summary: '报送台账：各单位各报告期的报送情况（版本、时间、按时或逾期、未报、拒收）',
  }),
  'ledger.reminders': method({
    input: s.ledgerRemindersInput,
    output: s.ledgerRemindersOutput,
    access: 'read',
    effect: 'none',
    summary: '催报名单：某报告期未报、被拒收未重报或仅报草稿的单位，及可复制的催报消息',
  }),
  'ledger.export': method({
    input: s.ledgerExportInput,
    output: s.fileOutput,
    access: 'read',
    effect: 'none',
    summary: '导出报送台账（Excel）',
  }),
};
