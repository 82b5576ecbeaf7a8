// The 档案目录 template's example row.
export const archiveExample = {
  archiveNo: 'WP-2018-WS-001',
  title: '县第二次全国污染源普查实施方案及批复（示例）',
  category: '文书档案',
  year: 2018,
  secrecy: '内部',
  retention: '永久',
  quantity: 1,
  unit: '卷',
  location: '县污普办档案柜1号',
  filedDate: '2018-04-10',
  keeper: '张三',
};
