// Realistic, valid people for the demo county and the 20k/100k benchmarks: names, IDs with correct
// check characters, mobiles, units. Nothing here is a real person.
import { idCheckChar } from '../../core/validate/idNumber';
import type { PersonRole } from '../../core/enums';
import type { Random } from './random';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强春梅海燕晓东文斌玉兰红梅德明永红小龙金凤家豪婷婷丹丹俊杰晨曦雨欣思远浩然子涵一鸣';
const UNITS = [
  '县生态环境局',
  '县统计局',
  '县农业农村局',
  '县经信局',
  '县水务局',
  '乡镇人民政府',
  '村民委员会',
  '社区居委会',
  '县环境监测站',
  '县发改局',
];
const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '180',
  '181',
  '182',
  '187',
  '188',
  '189',
  '199',
];

export function personName(r: Random): string {
  const given = r.chance(0.5) ? r.pick([...GIVEN]) : r.pick([...GIVEN]) + r.pick([...GIVEN]);
  return r.pick([...SURNAMES]) + given;
}

/**
 * A valid 18-digit ID for the seq-th person of a county, unique for seq < 1.3 million: the birth date
 * and the first two order digits come from seq, the last order digit gives the sex (odd = 男).
 */
export function idNumber(r: Random, countyCode: string, seq: number, sex: '男' | '女'): string {
  const DATES = 39 * 12 * 28; // 1962–2000, days 1–28 of every month
  const dateIndex = seq % DATES;
  const year = 1962 + Math.floor(dateIndex / 336);
  const month = String(Math.floor((dateIndex % 336) / 28) + 1).padStart(2, '0');
  const day = String((dateIndex % 28) + 1).padStart(2, '0');
  const order =
    String(Math.floor(seq / DATES) % 100).padStart(2, '0') + String(r.int(0, 4) * 2 + (sex === '男' ? 1 : 0));
  const body = `${countyCode}${year}${month}${day}${order}`;
  return body + idCheckChar(body);
}

export function mobile(r: Random): string {
  return r.pick(MOBILE_PREFIXES) + String(r.int(0, 99999999)).padStart(8, '0');
}

export const unit = (r: Random) => r.pick(UNITS);

export function roleMix(r: Random): PersonRole {
  const x = r.next();
  if (x < 0.7) return '普查员';
  if (x < 0.85) return '普查指导员';
  if (x < 0.93) return '村(居)联络员';
  if (x < 0.96) return '乡镇(街道)联络员';
  if (x < 0.98) return '第三方机构人员';
  return '污普办工作人员';
}
