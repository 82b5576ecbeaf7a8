// What clerks write for the enumerations of domain.md, mapped to the stored values.
// Values already equal to a stored label need no entry (they match as they are).

export const ROLE_ALIASES: Record<string, string> = {
  指导员: '普查指导员',
  普查员指导员: '普查指导员',
  工作人员: '污普办工作人员',
  污普办人员: '污普办工作人员',
  普查办工作人员: '污普办工作人员',
  乡镇联络员: '乡镇(街道)联络员',
  街道联络员: '乡镇(街道)联络员',
  '乡镇（街道）联络员': '乡镇(街道)联络员',
  村联络员: '村(居)联络员',
  社区联络员: '村(居)联络员',
  村居联络员: '村(居)联络员',
  '村（居）联络员': '村(居)联络员',
  第三方人员: '第三方机构人员',
  第三方: '第三方机构人员',
  第三方机构: '第三方机构人员',
};

export const POLITICAL_ALIASES: Record<string, string> = {
  党员: '中共党员',
  共产党员: '中共党员',
  中国共产党党员: '中共党员',
  预备党员: '中共预备党员',
  团员: '共青团员',
  共青团: '共青团员',
  无党派: '无党派人士',
  民主党派人士: '民主党派',
};

export const EDUCATION_ALIASES: Record<string, string> = {
  博士: '研究生',
  硕士: '研究生',
  博士研究生: '研究生',
  硕士研究生: '研究生',
  本科: '大学本科',
  大本: '大学本科',
  大专: '大学专科',
  专科: '大学专科',
  高职: '大学专科',
  中技: '中专',
  职高: '中专',
  技校: '中专',
  高中及以下: '高中',
  初中: '初中及以下',
  小学: '初中及以下',
};

export const SOURCE_ALIASES: Record<string, string> = {
  借调: '抽调',
  招聘: '聘用',
  选聘: '聘用',
  第三方机构: '第三方',
  志愿: '志愿者',
};

export const STATUS_ALIASES: Record<string, string> = { 在职: '在岗', 离职: '离岗', 已离岗: '离岗' };

export const PAY_BASIS_ALIASES: Record<string, string> = {
  按天: '元/天',
  按日: '元/天',
  '元/日': '元/天',
  按户: '元/户',
};

export const PROCUREMENT_ALIASES: Record<string, string> = {
  公开招标采购: '公开招标',
  磋商: '竞争性磋商',
  谈判: '竞争性谈判',
};

export const CONTRACT_STATUS_ALIASES: Record<string, string> = {
  执行中: '履行中',
  进行中: '履行中',
  验收: '已验收',
  终止: '已终止',
};

export const FUNDING_ALIASES: Record<string, string> = {
  中央财政: '中央',
  省级: '省',
  省财政: '省',
  市级: '市',
  市财政: '市',
  县级: '县',
  县财政: '县',
  本级: '县',
};

export const HOST_LEVEL_ALIASES: Record<string, string> = { 省级: '省', 市级: '市', 县级: '县' };

export const DISTRICT_STATUS_ALIASES: Record<string, string> = { 已完成: '已划分', 完成: '已划分', 未完成: '未划分' };
