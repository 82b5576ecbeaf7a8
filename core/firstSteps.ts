// The first-day checklist an office starts from (区划 → 人员 → 机构与合同 → 经费 → 培训 → 进度 → 月报):
// each step, what counts as done, and the page that does it. The backend counts, the dashboard shows.

export const FIRST_STEPS = [
  {
    key: 'regions',
    title: '区划',
    todo: '核对乡镇（街道）和村（社区），划分普查小区',
    path: '/regions',
    unit: '个乡镇（街道）',
  },
  { key: 'people', title: '人员', todo: '录入或导入普查员、普查指导员和联络员', path: '/people', unit: '人' },
  { key: 'contracts', title: '机构与合同', todo: '登记第三方机构及其服务合同', path: '/contracts', unit: '份合同' },
  { key: 'budget', title: '经费', todo: '编制经费预算（填写各项金额）', path: '/budget', unit: '项预算已填金额' },
  { key: 'training', title: '培训', todo: '登记培训班及参训人员', path: '/training', unit: '期培训' },
  { key: 'progress', title: '进度', todo: '填报本期进度调度表', path: '/progress', unit: '期进度表' },
  { key: 'report', title: '月报', todo: '导出并正式报送第一期月报', path: '/reports', unit: '次正式报送' },
] as const;

export type FirstStepKey = (typeof FIRST_STEPS)[number]['key'];
