// Effects live in the contract (core/api/define.ts): each method declares who may call it, what a
// call does to the data and what a success does to sessions; dispatch and the transports act on
// those declarations and name no method themselves.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, isPublicMethod, sessionEffectOf, type MethodName } from '../../core/api';
import { EFFECTS, method } from '../../core/api/define';
import { client, setUp, type Client } from './client';

const names = Object.keys(api) as MethodName[];

describe('the contract declares every method’s terms', () => {
  it('gives every method an effect from the vocabulary', () => {
    for (const m of names) expect(EFFECTS, m).toContain(api[m].effect);
  });

  it('opens to callers without a session exactly the login, the first run, the unlock and the session questions', () => {
    expect(names.filter(isPublicMethod).sort()).toEqual(
      [
        'session.current',
        'session.login',
        'session.logout',
        'setup.importPackage',
        'setup.init',
        'setup.status',
        'setup.unlock',
      ].sort(),
    );
  });

  it('names the session effects', () => {
    const declared = Object.fromEntries(names.filter((m) => sessionEffectOf(m)).map((m) => [m, sessionEffectOf(m)]));
    expect(declared).toEqual({
      'session.login': 'opens',
      'setup.init': 'opens',
      'session.logout': 'closes',
      'session.lock': 'locks',
      'operator.update': 'followsOperator',
      'operator.setPassword': 'endsOtherSessions',
    });
    expect(sessionEffectOf('nope.nothing')).toBeNull();
  });

  it('marks what replaces the data file and what reveals', () => {
    expect(names.filter((m) => api[m].effect === 'replacesData').sort()).toEqual(
      ['backup.restore', 'package.import', 'safety.encrypt', 'setup.importPackage'].sort(),
    );
    expect(names.filter((m) => api[m].effect === 'reveals')).toEqual(['sensitive.reveal']);
    expect(api['sensitive.reveal'].access).toBe('reveal');
  });

  it('refuses, at compile time, a session effect whose data the transports cannot find', () => {
    const op = z.object({ id: z.number().int(), name: z.string(), role: z.enum(['管理员', '录入员', '只读']) });
    const base = { access: 'read', effect: 'none', summary: '测试' } as const;
    method({ ...base, input: z.object({}), output: op, session: 'opens' });
    // @ts-expect-error an answer without the operator cannot open a session
    method({ ...base, input: z.object({}), output: z.null(), session: 'opens' });
    // @ts-expect-error followsOperator needs the operator record (with `active`) as the answer
    method({ ...base, input: z.object({}), output: op, session: 'followsOperator' });
    // @ts-expect-error endsOtherSessions needs the operator's id in the input
    method({ ...base, input: z.object({}), output: z.null(), session: 'endsOtherSessions' });
  });
});

describe('dispatch and the transports name no method', () => {
  const sources = [
    'backend/dispatch.ts',
    'backend/access.ts',
    'backend/transports/api.ts',
    'backend/transports/http.ts',
    'electron/ipc.ts',
    'renderer/bridge.ts',
  ];
  it.each(sources)('%s', (file) => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const named = names.filter((m) => text.includes(`'${m}'`) || text.includes(`"${m}"`));
    expect(named).toEqual([]);
  });
});

describe('over HTTP, a password reset ends the operator’s other sessions', () => {
  let c: Client;
  beforeEach(async () => {
    c = await client();
  });
  afterEach(() => c.close());

  const post = (m: string, input: unknown, session?: string) => c.post(m, input, session);

  it('keeps the caller’s own session and ends the rest', async () => {
    const admin = await setUp(c);
    await post('operator.create', { name: '张三', role: '录入员', password: 'pass1234' }, admin);
    const clerkA = (await post('session.login', { name: '张三', password: 'pass1234' })).session!;
    const clerkB = (await post('session.login', { name: '张三', password: 'pass1234' })).session!;
    const reset = await post('operator.setPassword', { id: 2, password: 'newpass99' }, admin);
    expect(reset.json).toEqual({ ok: true, data: { id: 2 } });
    expect((await post('township.list', {}, clerkA)).status).toBe(401);
    expect((await post('township.list', {}, clerkB)).status).toBe(401);
    expect((await post('township.list', {}, admin)).json.ok).toBe(true);
    // Resetting one's own password keeps the session it was done from.
    await post('operator.setPassword', { id: 1, password: 'secret456' }, admin);
    expect((await post('township.list', {}, admin)).json.ok).toBe(true);
  });
});
