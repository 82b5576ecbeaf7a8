// Issue #17's fieldwork and organisation registers for the demo county: the 领导小组 and its
// 成员单位, a publicity log, PADs and system accounts handed to 普查员 and 普查指导员 (a few returned or
// replaced), and the sample surveys and outfall monitoring of the last three periods.
import type { Caller } from './call';
import type { DemoDates } from './dates';
import type { Staff } from './staff';

type Post = '组长' | '副组长' | '成员' | '办公室主任' | '办公室副主任' | '联络员';
const GROUP: [string, string, string, Post, string | null][] = [
  ['县人民政府', '何建国', '副县长', '组长', '全面领导全县普查工作'],
  ['县人民政府办公室', '邓志强', '副主任', '副组长', '协调各成员单位'],
  ['县生态环境局', '李德明', '局长', '副组长', '牵头组织实施普查，负责普查办日常工作'],
  ['县统计局', '王秀英', '副局长', '成员', '提供基本单位名录库，参与数据审核'],
  ['县发展和改革局', '陈立平', '副局长', '成员', '提供重点项目和园区名录'],
  ['县财政局', '刘静', '副局长', '成员', '落实普查经费'],
  ['县经济和信息化局', '张小军', '副局长', '成员', '配合工业源清查和入户调查'],
  ['县农业农村局', '杨春华', '副局长', '成员', '提供规模化畜禽养殖场名录，配合农业源调查'],
  ['县住房和城乡建设局', '赵鹏', '副局长', '成员', '提供污水处理厂、生活垃圾处理场名录'],
  ['县水务局', '黄丽', '副局长', '成员', '提供入河排污口名录，配合排污口水质监测'],
  ['县交通运输局', '周强', '副局长', '成员', '配合移动源调查'],
  ['县市场监督管理局', '吴敏', '副局长', '成员', '提供企业登记信息'],
  ['县公安局', '郑斌', '副局长', '成员', '提供机动车保有量数据'],
  ['县生态环境局', '周文斌', '副局长', '办公室主任', '普查办日常工作、进度调度'],
  ['县统计局', '孙倩', '科员', '联络员', '统计局联络，报送名录资料'],
];

type Kind = '新闻报道' | '广播电视' | '网络新媒体' | '标语横幅' | '宣传资料' | '公益广告' | '宣传活动';
const PUBLICITY: [string, Kind, string, string, number | null, string | null][] = [
  ['2018-03-20', '新闻报道', '蓬安新闻网', '蓬安县召开第二次全国污染源普查动员大会', null, null],
  ['2018-04-10', '标语横幅', '各乡镇（街道）', '全面开展污染源普查 摸清环境家底', 60, '条'],
  ['2018-05-15', '宣传资料', '县污普办', '《致普查对象的一封信》', 5000, '份'],
  ['2018-06-05', '宣传活动', '相如街道滨江广场', '“六·五”环境日污染源普查宣传咨询活动', 800, '人次'],
  ['2018-06-05', '公益广告', '蓬安县电视台', '第二次全国污染源普查公益广告', 30, '次'],
  ['2018-06-20', '网络新媒体', '“蓬安发布”微信公众号', '污染源普查知识问答', 3200, '阅读'],
  ['2018-07-25', '广播电视', '蓬安县电视台', '普查员、普查指导员培训班开班', 2, '次'],
  ['2018-08-15', '宣传资料', '县污普办', '入户调查告知书', 3000, '份'],
  ['2018-09-10', '网络新媒体', '“蓬安发布”微信公众号', '入户调查进行时：普查员走进企业', 2600, '阅读'],
  ['2018-10-12', '新闻报道', '南充日报', '蓬安县入户调查进度过半', null, null],
  ['2018-11-06', '广播电视', '蓬安人民广播电台', '污染源普查入户调查专题节目', 4, '期'],
];

/** Cumulative 完成 per period (三个报告期), with the plan each item was given. */
const SURVEYS: [
  '城乡居民能源使用抽样调查' | '农村居民生活用排水抽样调查' | '排污口水质监测',
  number,
  [number, number, number],
  string | null,
][] = [
  ['城乡居民能源使用抽样调查', 300, [90, 210, 288], null],
  ['农村居民生活用排水抽样调查', 200, [40, 130, 196], null],
  ['排污口水质监测', 12, [4, 9, 12], '丰水期、枯水期各监测一次，以丰水期计'],
];

export async function loadFieldwork(c: Caller, d: DemoDates, staff: Staff) {
  for (const [i, [unit, name, unitPost, groupPost, duties]] of GROUP.entries()) {
    await c.write('groupMember.create', { unit, name, unitPost, groupPost, duties, sort: i + 1 });
  }
  for (const [date, kind, channel, title, quantity, unit] of PUBLICITY) {
    await c.write('publicity.create', { date: d.at(date), kind, channel, title, quantity, unit });
  }
  for (const [i, p] of ['2018-09', '2018-10', '2018-11'].entries()) {
    for (const [item, planned, done, note] of SURVEYS) {
      await c.write('surveyFigure.create', { period: d.period(p), item, planned, done: done[i], note });
    }
  }
  // PADs for the first 40 普查员 after the 入户调查 training; accounts for them and 10 普查指导员.
  const handed = d.at('2018-07-28');
  for (const [i, personId] of staff.enumerators.slice(0, 40).entries()) {
    const identifier = `PAD-${String(i + 1).padStart(3, '0')}`;
    if (i === 7) {
      // A broken PAD returned and replaced.
      await c.write('device.create', {
        kind: 'PAD',
        identifier,
        description: '华为 M5 平板',
        personId,
        handedDate: handed,
        returnedDate: d.at('2018-09-03'),
        state: '故障',
        note: '屏幕损坏，已送修',
      });
      await c.write('device.create', {
        kind: 'PAD',
        identifier: 'PAD-041',
        description: '华为 M5 平板（备用）',
        personId,
        handedDate: d.at('2018-09-03'),
      });
    } else {
      await c.write('device.create', {
        kind: 'PAD',
        identifier,
        description: '华为 M5 平板',
        personId,
        handedDate: handed,
      });
    }
    await c.write('device.create', {
      kind: '系统账号',
      identifier: `511323pc${String(i + 1).padStart(3, '0')}`,
      description: '污染源普查数据采集系统',
      personId,
      handedDate: handed,
    });
  }
  for (const [i, personId] of staff.supervisors.slice(0, 10).entries()) {
    await c.write('device.create', {
      kind: '系统账号',
      identifier: `511323zd${String(i + 1).padStart(3, '0')}`,
      description: '污染源普查数据采集系统（审核）',
      personId,
      handedDate: handed,
    });
  }
}
