// Office profile, settings, operators, the audit log and the history of exported reports.
import type { SchemaPart } from './types';

export const base: SchemaPart = {
  labels: {
    office_profile: '单位信息',
    settings: '设置',
    operators: '操作员',
    audit_log: '操作日志',
    report_exports: '报表导出记录',
  },
};
