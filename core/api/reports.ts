// Reports (reports.md): Excel workbooks in the city's format, the monthly report's history and
// exact re-export, reading a workbook back, and the data of the print views.
//
// Exports run in a worker thread and are asynchronous, so they are 'read' methods (dispatch
// wraps only synchronous writes in its transaction); what they write — the monthly report's
// history entry, the audit entry of a full-sensitive export — they write in one transaction of
// their own, after the file is built.
import { method } from './define';
import * as s from '../schemas/reports';

export const reportsApi = {
  'report.export': method({
    input: s.reportExportInput,
    output: s.reportFileOutput,
    access: 'read',
    summary: '导出报表（Excel）；导出工作进度月报时记录报送版本',
  }),
  'report.reexport': method({
    input: s.reportReexportInput,
    output: s.reportFileOutput,
    access: 'read',
    summary: '重新导出已报送版本（与原文件逐字节相同）',
  }),
  'report.progress': method({
    input: s.reportProgressInput,
    output: s.reportProgressOutput,
    access: 'read',
    summary: '报表导出进度',
  }),
  'report.read': method({
    input: s.reportReadInput,
    output: s.reportReadOutput,
    access: 'read',
    summary: '读取导出的工作进度月报（核对报送数据）',
  }),
  'print.paySheet': method({
    input: s.printPaySheetInput,
    output: s.tableDocOutput,
    access: 'read',
    summary: '劳务报酬发放表打印数据',
  }),
  'print.signInSheet': method({
    input: s.printSignInInput,
    output: s.tableDocOutput,
    access: 'read',
    summary: '培训签到表打印数据',
  }),
  'print.contractSheet': method({
    input: s.printContractInput,
    output: s.trackingDocOutput,
    access: 'read',
    summary: '合同跟踪表打印数据',
  }),
};
