// Roles are enforced in dispatch for every method. Generated from the contract: a method added
// tomorrow is checked for each role the day it lands, against its declared access level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, isPublicMethod, type MethodName } from '../../core/api';
import type { OperatorRole } from '../../core/enums';
import type { Operator } from '../../backend/context';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { sandbox, staffWorkspace, type Staff } from './fixtures';

let b: TestBackend;
let staff: Staff;
beforeAll(async () => {
  b = tempBackend();
  staff = await staffWorkspace(b);
});
afterAll(() => b.dispose());

const names = Object.keys(api) as MethodName[];
const access = (m: MethodName) => api[m].access;
/** The rule, written out here rather than imported, so the test can disagree with the code. */
const EXPECTED: Record<string, readonly OperatorRole[]> = {
  read: ['管理员', '录入员', '只读'],
  write: ['管理员', '录入员'],
  admin: ['管理员'],
};
/** Methods whose roles are a setting; checked in masking.test.ts. */
const SETTING_DECIDES = new Set<MethodName>(['sensitive.reveal']);

const refusedFor = (role: OperatorRole) =>
  names.filter((m) => !isPublicMethod(m) && !SETTING_DECIDES.has(m) && !EXPECTED[access(m)].includes(role));
const allowedFor = (role: OperatorRole) =>
  names.filter((m) => !isPublicMethod(m) && !SETTING_DECIDES.has(m) && EXPECTED[access(m)].includes(role));

async function callAs(operator: Operator | null, method: MethodName) {
  return b.dispatch(method, {}, { operator });
}

describe('every method, every role', () => {
  it('covers every method of the contract', () => {
    const covered = new Set([
      ...refusedFor('只读'),
      ...allowedFor('只读'),
      ...SETTING_DECIDES,
      ...names.filter(isPublicMethod),
    ]);
    expect([...covered].sort()).toEqual([...names].sort());
    // Every mutating method is among those refused to 只读 (or decided by a setting).
    for (const m of names.filter((n) => access(n) !== 'read' && !isPublicMethod(n))) {
      expect(refusedFor('只读').includes(m) || SETTING_DECIDES.has(m), m).toBe(true);
    }
  });

  it.each(refusedFor('只读'))('%s is refused to 只读 with a message, and nothing changes', async (m) => {
    const before = b.snapshot();
    const r = await callAs(staff.viewer, m);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FORBIDDEN');
    expect(r.error.message).toContain('当前角色（只读）无权执行');
    expect(r.error.message).toContain(api[m].summary);
    expect(b.snapshot()).toEqual(before);
  });

  it.each(refusedFor('录入员'))('%s is refused to 录入员, and nothing changes', async (m) => {
    const before = b.snapshot();
    const r = await callAs(staff.clerk, m);
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect(r.ok ? '' : r.error.message).toMatch(/^当前角色（录入员）无权执行“.+”：需要管理员权限$/);
    expect(b.snapshot()).toEqual(before);
  });

  it('refuses operator management to 录入员 by name', () => {
    const refused = refusedFor('录入员');
    for (const m of [
      'operator.create',
      'operator.update',
      'operator.list',
      'operator.setPassword',
      'backup.restore',
      'safety.saveSettings',
    ] as const) {
      expect(refused, m).toContain(m);
    }
  });

  it.each(allowedFor('只读'))('%s is open to 只读 (it may still refuse the empty input)', async (m) => {
    const r = await callAs(staff.viewer, m);
    expect(r.ok ? 'ok' : r.error.code).not.toMatch(/^(FORBIDDEN|UNAUTHENTICATED|SESSION_INVALID)$/);
  });

  it.each(names.filter((m) => !isPublicMethod(m)))('%s asks a caller without an operator to log in', async (m) => {
    const before = b.snapshot();
    const r = await callAs(null, m);
    expect(r.ok ? null : r.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录', issues: [] });
    expect(b.snapshot()).toEqual(before);
  });

  it.each(names.filter(isPublicMethod))('%s needs no operator', async (m) => {
    const r = await callAs(null, m);
    expect(r.ok ? 'ok' : r.error.code).not.toBe('UNAUTHENTICATED');
  });
});

describe('the role comes from the data, not from the session', () => {
  it('a demoted, renamed or switched-off operator is held to it at the next call', async () => {
    const c = await tempBackendWithStaff();
    try {
      const { admin, clerk } = c.staff;
      expect(
        (await c.b.dispatch('township.create', { code: '511323100', name: '相如镇' }, { operator: clerk })).ok,
      ).toBe(true);
      await c.b.dispatch('operator.update', { id: clerk.id!, role: '只读' }, { operator: admin });
      // The session still says 录入员; the operators table says 只读.
      const demoted = await c.b.dispatch('township.create', { code: '511323101', name: '锦屏镇' }, { operator: clerk });
      expect(demoted.ok ? null : demoted.error.message).toBe(
        '当前角色（只读）无权执行“新增乡镇（街道）”：需要录入员或管理员权限',
      );
      await c.b.dispatch('operator.update', { id: clerk.id!, active: false }, { operator: admin });
      const off = await c.b.dispatch('township.list', {}, { operator: clerk });
      expect(off.ok ? null : off.error.code).toBe('SESSION_INVALID');
      // Someone claiming an id under another name (an id after a restore may belong to someone else).
      const impostor = await c.b.dispatch(
        'township.list',
        {},
        { operator: { id: admin.id, name: '别人', role: '管理员' } },
      );
      expect(impostor.ok ? null : impostor.error.message).toBe(
        '登录已失效（操作员已停用、已更名或数据已恢复），请重新登录',
      );
    } finally {
      c.b.dispose();
    }
  });
});

describe('idle lock', () => {
  it('asks an operator idle longer than the setting to log in again, and a login unlocks', async () => {
    let clock = Date.parse('2018-06-01T08:00:00Z');
    const c = await tempBackendWithStaff(() => clock);
    try {
      const { admin, clerk } = c.staff;
      const list = () => c.b.dispatch('township.list', {}, { operator: clerk });
      expect((await c.b.dispatch('safety.settings', {}, { operator: clerk })).ok).toBe(true);
      await c.b.dispatch('safety.saveSettings', { idleLockMinutes: 10 }, { operator: admin });
      clock += 9 * 60_000;
      expect((await list()).ok).toBe(true);
      clock += 10 * 60_000 + 1;
      const locked = await list();
      expect(locked.ok ? null : locked.error).toEqual({
        code: 'IDLE_LOCKED',
        message: '已超过 10 分钟没有操作，为保护数据已自动锁定，请重新登录',
        issues: [],
      });
      // Still locked: activity elsewhere does not unlock it, only a login does.
      expect((await list()).ok).toBe(false);
      expect(
        (await c.b.dispatch('session.login', { name: 'clerk', password: 'secret123' }, { operator: null })).ok,
      ).toBe(true);
      expect((await list()).ok).toBe(true);
      // The admin has been idle too, so logs in before changing the setting; 0 never locks.
      expect((await c.b.dispatch('safety.saveSettings', { idleLockMinutes: 0 }, { operator: admin })).ok).toBe(false);
      await c.b.dispatch('session.login', { name: 'admin', password: 'secret123' }, { operator: null });
      expect((await c.b.dispatch('safety.saveSettings', { idleLockMinutes: 0 }, { operator: admin })).ok).toBe(true);
      clock += 24 * 60 * 60_000;
      expect((await list()).ok).toBe(true);
    } finally {
      c.b.dispose();
    }
  });
});

describe('over HTTP', () => {
  it('a 只读 session is refused a write with the same message', async () => {
    const { startHttpServer } = await import('../../backend/transports/http');
    const c = await tempBackendWithStaff();
    const server = await startHttpServer({ backend: c.b, staticDir: c.b.dir });
    try {
      const post = (method: string, body: unknown, session?: string) =>
        fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-CensusDesk-Token': server.token,
            ...(session ? { 'X-CensusDesk-Session': session } : {}),
          },
          body: JSON.stringify(body),
        });
      const login = await post('session.login', { name: 'viewer', password: 'secret123' });
      const session = login.headers.get('X-CensusDesk-Session')!;
      const r = (await (await post('township.create', { code: '511323100', name: '相如镇' }, session)).json()) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(r.error).toMatchObject({
        code: 'FORBIDDEN',
        message: '当前角色（只读）无权执行“新增乡镇（街道）”：需要录入员或管理员权限',
      });
    } finally {
      await server.close();
      c.b.dispose();
    }
  });
});

async function tempBackendWithStaff(clock?: () => number) {
  const box = sandbox({ clock });
  return { b: { ...box.b, dir: box.dir, dispose: box.dispose }, staff: await staffWorkspace(box.b) };
}
