// Renders docs/api.md from the API contract, so the document cannot drift from the code
// (test/docs/apiDocs.test.ts fails when the committed file is stale).
import { z } from 'zod';
import { api } from '../core/api';
import type { Access, Effect, MethodSpec, SessionEffect } from '../core/api/define';
import { metaOf } from '../core/schemas/fields';

const ACCESS: Record<Access, string> = {
  public: '公开（无需登录）',
  read: '查看（所有已登录操作员）',
  write: '录入（录入员、管理员）',
  admin: '管理（仅管理员）',
  reveal: '查看完整敏感信息（安全设置允许的角色；管理员始终可以）',
};

const EFFECT: Record<Effect, string> = {
  none: '不写入数据',
  write: '写入（一个事务，一条操作日志）',
  reveals: '写入操作日志，返回完整敏感信息（不打码）',
  replacesData: '替换数据文件（不在事务中；一条操作日志写入换入的数据）',
};

const SESSION: Record<SessionEffect, string> = {
  opens: '成功后为返回的操作员开启会话（替换调用者原有会话）',
  closes: '成功后结束调用者的会话',
  locks: '成功后锁定调用者，直到重新登录',
  followsOperator: '该操作员的会话随之更新姓名和角色，停用则结束',
  endsOtherSessions: '该操作员（输入中的 id）的其他会话全部结束',
};

/** Who may call it and what a call does, as the contract declares (core/api/define.ts). */
function termsOf(spec: MethodSpec): string[] {
  const lines = [`权限：${ACCESS[spec.access]}。效果：${EFFECT[spec.effect]}。`];
  if (spec.session) lines.push('', `会话：${SESSION[spec.session]}。`);
  if (spec.recordEntries)
    lines.push('', '操作日志：除本次操作的一条外，每条新增或修改的记录另有一条（含变更前后的字段），并指向本次操作。');
  for (const rule of spec.rules ?? []) {
    const terms = [
      rule.access ? `权限另需${ACCESS[rule.access.level]}` : '',
      rule.effect ? `效果为${EFFECT[rule.effect]}` : '',
      rule.audited ? '记入操作日志（一条），不修改数据' : '',
    ].filter(Boolean);
    lines.push('', `- 当${rule.when}时：${terms.join('；')}。`);
  }
  return lines;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault)
      cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = (cur.in instanceof z.ZodTransform ? cur.out : cur.in) as z.ZodType;
    else break;
  }
  return cur;
}

function typeName(s: z.ZodType): string {
  const meta = metaOf(s);
  if (meta?.kind) {
    const kinds: Record<string, string> = {
      text: 'string',
      code: 'string',
      idNumber: 'string (公民身份号码)',
      creditCode: 'string (统一社会信用代码)',
      mobile: 'string (手机)',
      phone: 'string (电话)',
      regionCode: 'string (区划代码)',
      date: 'string (YYYY-MM-DD)',
      money: 'integer (分)',
      int: 'integer',
      number: 'number',
      ref: 'integer (id)',
      bool: 'boolean',
      enum: 'enum',
      list: 'array',
    };
    const inner = unwrap(s);
    if (inner instanceof z.ZodUnknown) return kinds[meta.kind] ?? meta.kind;
    if (meta.kind === 'enum' && inner instanceof z.ZodEnum)
      return inner.options.map((o) => `"${String(o)}"`).join(' \\| ');
    if (meta.kind === 'list' && inner instanceof z.ZodArray) return `${typeName(inner.element as z.ZodType)}[]`;
    return kinds[meta.kind] ?? meta.kind;
  }
  const u = unwrap(s);
  if (u instanceof z.ZodString) return 'string';
  if (u instanceof z.ZodNumber) return 'number';
  if (u instanceof z.ZodBoolean) return 'boolean';
  if (u instanceof z.ZodEnum) return u.options.map((o) => `"${String(o)}"`).join(' \\| ');
  if (u instanceof z.ZodArray) return `${typeName(u.element as z.ZodType)}[]`;
  if (u instanceof z.ZodObject) return `{ ${Object.keys(u.shape).join(', ')} }`;
  if (u instanceof z.ZodLiteral) return JSON.stringify(u.value);
  if (u instanceof z.ZodUnion) return (u.options as z.ZodType[]).map(typeName).join(' \\| ');
  if (u instanceof z.ZodRecord) return 'object';
  if (u instanceof z.ZodUnknown || u instanceof z.ZodAny) return 'any';
  return 'value';
}

const isOptional = (s: z.ZodType) => s.safeParse(undefined).success;

function fieldRows(schema: z.ZodType, prefix = ''): string[] {
  const obj = unwrap(schema);
  if (!(obj instanceof z.ZodObject)) return [`| ${prefix || '(value)'} | ${typeName(schema)} | | |`];
  const rows: string[] = [];
  for (const [key, field] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
    const meta = metaOf(field);
    const inner = unwrap(field);
    const name = `${prefix}${key}`;
    if (inner instanceof z.ZodObject && !meta?.kind) {
      rows.push(`| ${name} | object | ${isOptional(field) ? '否' : '是'} | |`);
      rows.push(...fieldRows(inner, `${name}.`));
    } else {
      const optional = inner instanceof z.ZodUnknown ? Boolean(meta?.optional) : isOptional(field);
      rows.push(`| ${name} | ${typeName(field)} | ${optional ? '否' : '是'} | ${meta?.title ?? ''} |`);
    }
  }
  return rows;
}

export function renderApiDocs(): string {
  const out: string[] = [
    '# CensusDesk API',
    '',
    'Generated from `core/api` by `npm run docs:api`; do not edit by hand (a test fails when this file is stale).',
    '',
    'Every method is called the same way over every transport: in-process `dispatch(method, input, ctx)`,',
    'HTTP `POST /api/<method>` in browser mode (headers `X-CensusDesk-Token` and, after `session.login`,',
    '`X-CensusDesk-Session`), or `window.censusdesk.call(method, input)` in the desktop app. The answer is',
    '`{ ok: true, data }` or `{ ok: false, error: { code, message, issues: [{ path, message }] } }` with',
    'Chinese messages that name the field. Money is integer 分; dates are `YYYY-MM-DD`.',
    '',
    'Each method says who may call it (权限) and what a call does (效果; for some, what it does to sessions,',
    '会话), as its contract declares in `core/api` (`access`, `effect`, `session`, and `rules` that ask more of',
    'some inputs). Dispatch and every transport act on exactly these: a write runs in one transaction with one',
    'audit entry, an answer is masked unless the method reveals, a session opens or ends as declared.',
    '',
    '## Methods',
    '',
  ];
  const names = Object.keys(api).sort();
  for (const name of names)
    out.push(
      `- [\`${name}\`](#${name.replace(/\./g, '')}) — ${(api as Record<string, { summary: string }>)[name].summary}`,
    );
  for (const name of names) {
    const spec: MethodSpec = api[name as keyof typeof api];
    out.push(
      '',
      `### ${name}`,
      '',
      `${spec.summary}.`,
      '',
      ...termsOf(spec),
      '',
      'Input:',
      '',
      '| field | type | required | 中文 |',
      '|---|---|---|---|',
    );
    out.push(...fieldRows(spec.input));
    out.push('', 'Output:', '', '| field | type | required | 中文 |', '|---|---|---|---|');
    out.push(...fieldRows(spec.output));
  }
  return `${out.join('\n')}\n`;
}
