// The left navigation: every area of the office's work, in the order of a working day.
export const PAGES = [
  { key: 'dashboard', label: '工作台' },
  { key: 'people', label: '人员管理' },
  { key: 'regions', label: '区划与普查小区' },
  { key: 'contracts', label: '第三方机构与合同' },
  { key: 'budget', label: '经费管理' },
  { key: 'training', label: '培训管理' },
  { key: 'progress', label: '工作进度' },
  { key: 'reports', label: '报表导出' },
  { key: 'audit', label: '操作日志' },
  { key: 'settings', label: '系统设置' },
] as const;

export type PageKey = (typeof PAGES)[number]['key'];
