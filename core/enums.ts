// Every enumeration of domain.md and workplan.md. The stored value is the Chinese label itself:
// it is what the clerk types, imports and exports, so no mapping layer can drift.

export const PERSON_ROLES = [
  '普查员',
  '普查指导员',
  '污普办工作人员',
  '乡镇(街道)联络员',
  '村(居)联络员',
  '专家',
  '第三方机构人员',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The digit of 人员编号 `{county 6}{role digit}{sequence 4}` for a person's first role. */
export const ROLE_DIGITS: Record<PersonRole, number> = {
  普查员: 1,
  普查指导员: 2,
  污普办工作人员: 3,
  '乡镇(街道)联络员': 4,
  '村(居)联络员': 4,
  专家: 5,
  第三方机构人员: 6,
};

export const SEXES = ['男', '女'] as const;
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;
export const PERSON_SOURCES = ['抽调', '聘用', '第三方', '志愿者'] as const;
export const PERSON_STATUSES = ['在岗', '离岗'] as const;
export const PAY_BASES = ['元/天', '元/户'] as const;
export const TRAINING_STATUSES = ['考核合格', '已培训', '未培训'] as const;

/** The 56 ethnic groups as written on ID cards, plus the two catch-alls used on forms. */
export const ETHNIC_GROUPS = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '其他',
  '外国血统中国籍人士',
] as const;

export const TOWNSHIP_KINDS = ['街道', '镇', '乡', '类似乡级单位'] as const;
export const VILLAGE_KINDS = ['居委会', '村委会'] as const;
export const DISTRICT_BASES = ['行政村', '社区', '工业园区', '其他'] as const;
export const DISTRICT_STATUSES = ['未划分', '已划分', '已上报'] as const;
export const DISTRICT_ROLES = ['普查员', '普查指导员'] as const;

export const SERVICE_KINDS = [
  '实施方案编制',
  '技术报告编制',
  '评估报告编制',
  '普查清查',
  '入户调查',
  '现场监测',
  '质量评估',
  '信息系统建设运维',
  '宣传',
  '培训',
  '其他',
] as const;
export const PROCUREMENT_METHODS = [
  '公开招标',
  '邀请招标',
  '竞争性谈判',
  '竞争性磋商',
  '单一来源',
  '询价',
  '框架协议',
  '自行采购',
] as const;
export const CONTRACT_STATUSES = ['履行中', '已验收', '已终止'] as const;
export const ACCEPTANCE_CONCLUSIONS = ['合格', '不合格', '整改后合格'] as const;

export const FUNDING_LEVELS = ['中央', '省', '市', '县'] as const;
export const PAY_RUN_STATUSES = ['草稿', '已发放'] as const;
/** What an expenditure pays for; derived from its links, never typed. */
export const EXPENDITURE_KINDS = ['合同付款', '劳务报酬', '培训经费', '其他'] as const;

export const TRAINING_KINDS = [
  '清查技术',
  '两员选聘',
  '入户调查技术规定',
  '报表制度',
  '核算方法',
  '软件系统',
  '数据审核',
  '质量核查',
  '档案整理',
  '宣传',
] as const;
export const HOST_LEVELS = ['省', '市', '县'] as const;
export const EXAM_METHODS = ['笔试', '上机', '现场实操'] as const;

export const MILESTONE_STATUSES = ['未开始', '进行中', '已完成', '已逾期'] as const;
/** What a clerk may set; 已逾期 is computed from the deadline, never typed. */
export const MILESTONE_SET_STATUSES = ['未开始', '进行中', '已完成'] as const;
export const PROGRESS_REPORT_STATUSES = ['草稿', '已上报'] as const;

export const OPERATOR_ROLES = ['管理员', '录入员', '只读'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const REPORT_RHYTHMS = ['每月', '每两周'] as const;
export const MONEY_UNITS = ['元', '万元'] as const;

/** 保密承诺书 (work plan point 11); a person with none recorded reads as 未签署. */
export const PLEDGE_STATUSES = ['已签署', '未签署'] as const;
export const ARCHIVE_CATEGORIES = [
  '文书档案',
  '普查表册',
  '名录库资料',
  '会计档案',
  '电子档案',
  '声像档案',
  '实物档案',
  '其他',
] as const;
export const ARCHIVE_SECRECY = ['公开', '内部', '秘密', '机密'] as const;
export const ARCHIVE_RETENTIONS = ['永久', '30年', '10年'] as const;
