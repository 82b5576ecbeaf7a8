// The audit log in words: what was done to what, and each changed field by its Chinese name —
// read from the API contract, so a new entity is named without a list to keep up to date. Shared by
// the log's page, its export and its search (which matches the words on screen, not the codes).
import type { z } from 'zod';
import { api } from './api';
import { metaOf } from './schemas/fields';

const ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  leave: '办理离岗',
  setup: '首次使用初始化',
  setPassword: '重设密码',
  recordPayment: '登记付款',
  updatePayment: '修改付款',
  deletePayment: '删除付款',
  post: '发放入账',
  unpost: '撤销入账',
  save: '保存',
  markReported: '标记为已上报',
  aggregate: '由各乡镇汇总',
  'attendance.save': '保存签到与考核',
  'attendance.addPeople': '添加参训人员',
  export: '导出',
  exportSensitive: '导出完整敏感信息',
  import: '导入',
  'import.create': '导入新增',
  'import.update': '导入修改',
  reveal: '查看完整敏感信息',
  backup: '备份',
  restore: '恢复',
  encrypt: '加密数据文件',
  lookup: '按公民身份号码查询',
  login: '登录',
  loginFailed: '登录失败',
  saveFile: '保存文件到本机',
  setSource: '设置取数方式',
  receive: '收取报表',
  intake: '收取文件',
  accept: '附说明接收',
  bulkSet: '批量设置',
};

const ENTITIES: Record<string, string> = {
  office: '单位信息',
  settings: '设置',
  coverageSettings: '普查小区与工作量设置',
  qualitySettings: '差错率上限',
  qualityPeriodSource: '进度调度表第13、14列取数方式',
  progress_report: '进度调度表',
  attendance: '签到记录',
  reportExport: '报表导出',
  report: '报表',
  package: '数据包',
  backup: '备份',
  safety: '安全设置',
  import: '导入',
  audit: '操作日志',
  session: '登录',
  intake: '收取报表',
  intake_file: '收取的文件',
  unit: '下级单位',
  list: '列表',
};

type Spec = { summary: string; input: z.ZodType };
const specOf = (entity: string): Spec | undefined =>
  (api as unknown as Record<string, Spec | undefined>)[`${entity}.create`];

export const actionLabel = (action: string) => ACTIONS[action] ?? action;

/** Every entity the log can name: those without a create method and those with one. */
function entityKeys(): string[] {
  const created = Object.keys(api)
    .filter((m) => m.endsWith('.create'))
    .map((m) => m.slice(0, -'.create'.length));
  return [...new Set([...Object.keys(ENTITIES), ...created])];
}

/**
 * The action and entity codes whose Chinese words contain what the clerk typed (「合同」 →
 * contract, contractNode…), so a search finds what the list shows rather than its codes.
 */
export function auditCodesMatching(q: string): { actions: string[]; entities: string[] } {
  const actions = Object.keys(ACTIONS).filter((a) => ACTIONS[a].includes(q));
  const entities = entityKeys().filter((e) => entityLabel(e).includes(q));
  return { actions, entities };
}

export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? specOf(entity)?.summary.replace(/^新增/, '') ?? entity;
}

/** Fields every audit entry of a kind may carry that no entity's form has. */
const AUDIT_FIELDS: Record<string, string> = { importHistoryId: '所属导入批次（导入记录编号）' };

/** The fields of a city office's intake entries (no form defines them). */
const INTAKE_FIELDS: Record<string, string> = {
  batchId: '批次编号',
  fileName: '文件名',
  container: '所在压缩包',
  size: '文件大小（字节）',
  sha256: '文件指纹（SHA-256）',
  outcome: '结果',
  reasonCode: '原因代码',
  reason: '原因',
  unitCode: '单位代码',
  period: '报告期',
  version: '版本',
  reportId: '归档编号',
  replacedVersion: '替换的版本',
  note: '接收说明',
  workbooks: '工作簿数',
  skipped: '未收取的文件',
  units: '下级单位名单',
};
const ENTITY_FIELDS: Record<string, Record<string, string>> = {
  intake: INTAKE_FIELDS,
  intake_file: INTAKE_FIELDS,
  unit: INTAKE_FIELDS,
};

export function fieldLabel(entity: string, key: string): string {
  if (AUDIT_FIELDS[key]) return AUDIT_FIELDS[key];
  const own = ENTITY_FIELDS[entity]?.[key];
  if (own) return own;
  const shape = (specOf(entity)?.input as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  const field = shape?.[key];
  return (field && metaOf(field)?.title) || key;
}

/** What an entry is about, as the list and the export show it: its name, else its number. */
export function objectText(entry: { objectName?: string | null; entityId: number | null }): string {
  if (entry.objectName) return entry.objectName;
  return entry.entityId != null ? `编号 ${entry.entityId}` : '';
}
