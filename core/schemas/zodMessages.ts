// One Chinese message for every kind of zod issue, installed once for the whole process (every
// schema is built from ./fields.ts, which imports this): a schema's own message (the field
// builders give one naming the field) still wins; anything they do not cover — a record's key, a
// body that is a list, a missing object — is said in Chinese here, never in zod's English.
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true/false）',
  object: '对象（{…}）',
  array: '列表（[…]）',
  null: '空值（null）',
  undefined: '未填写',
  date: '日期',
  nan: '非数字（NaN）',
  function: '函数',
  symbol: '符号',
  map: '映射',
  set: '集合',
  file: '文件',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  if (v instanceof Date) return 'date';
  return typeof v;
}

const named = (t: string) => TYPE_NAMES[t] ?? t;
const shown = (v: unknown) => (typeof v === 'string' ? `“${v}”` : String(v));
const UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', map: '项', file: '字节' };

type Issue = z.core.$ZodRawIssue;

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '不能为空';
      return `应为${named(issue.expected)}，实为${named(typeOf(issue.input))}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${shown(issue.values[0])}`
        : `应为以下之一：${issue.values.map(shown).join('、')}`;
    case 'too_big': {
      const unit = UNITS[issue.origin];
      const max = String(issue.maximum);
      if (unit) return `最多 ${max} ${unit}`;
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'too_small': {
      const unit = UNITS[issue.origin];
      const min = String(issue.minimum);
      if (unit) return Number(issue.minimum) === 1 ? '不能为空' : `至少 ${min} ${unit}`;
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : `格式不正确（应为 ${issue.format}）`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_key': {
      const inner = issue.issues[0]?.message;
      return `${shown(issue.input)}无效${inner ? `：${inner}` : ''}`;
    }
    case 'invalid_element':
      return `${shown(issue.key)} 对应的值无效`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    case 'custom':
    default:
      return '输入无效';
  }
}

z.config({ customError: (issue) => chineseMessage(issue as Issue) });
