// The page and an encrypted data file: a closed file starts at 输入恢复码 (before the wizard or the
// login), a file closed under a running page (DATA_LOCKED) goes back there, and the first-run
// wizard stays on screen after setup.init for its 保存恢复码 step until enterWorkbench.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../core/api';

type Answer = (method: string, input: unknown) => Result<unknown>;
let answer: Answer = () => ({ ok: true, data: null });
vi.mock('../../renderer/bridge', () => ({
  getBridge: () => ({ call: async (method: string, input: unknown) => answer(method, input) }),
}));
vi.mock('../../renderer/app/freshPage', () => ({ restartPage: () => undefined, takeRestartNotice: () => null }));

const { call } = await import('../../renderer/api/call');
const { useSession } = await import('../../renderer/stores/session');

const admin = { id: 1, name: 'admin', role: '管理员' as const };
const status = (s: { locked: boolean; hasOperators: boolean }) => ({
  ok: true as const,
  data: { hasOffice: s.hasOperators, encrypted: s.locked, ...s },
});

beforeEach(() => {
  useSession.setState({ phase: 'booting', operator: null, notice: null });
});

describe('an encrypted data file', () => {
  it('still closed: boot shows 输入恢复码, before the wizard and the login', async () => {
    answer = (m) => (m === 'setup.status' ? status({ locked: true, hasOperators: true }) : { ok: true, data: null });
    await useSession.getState().boot();
    expect(useSession.getState().phase).toBe('unlock');
  });

  it('opened: boot goes on to the login', async () => {
    answer = (m) => (m === 'setup.status' ? status({ locked: false, hasOperators: true }) : { ok: true, data: null });
    await useSession.getState().boot();
    expect(useSession.getState().phase).toBe('login');
  });

  it('closed under a running workbench (DATA_LOCKED): back to 输入恢复码, the operator dropped', async () => {
    useSession.setState({ phase: 'ready', operator: admin });
    answer = () => ({ ok: false, error: { code: 'DATA_LOCKED', message: '数据已加密，请先输入恢复码', issues: [] } });
    await call('person.list', { page: 1, pageSize: 100 } as never);
    expect(useSession.getState()).toMatchObject({ phase: 'unlock', operator: null });
  });
});

describe('the first run', () => {
  it('setup.init keeps the wizard (保存恢复码 comes next); enterWorkbench opens the workbench', async () => {
    useSession.setState({ phase: 'setup' });
    answer = (m) => (m === 'setup.init' ? { ok: true, data: admin } : { ok: true, data: null });
    expect(await useSession.getState().setup({} as never)).toBeNull();
    expect(useSession.getState()).toMatchObject({ phase: 'setup', operator: admin });
    useSession.getState().enterWorkbench();
    expect(useSession.getState().phase).toBe('ready');
  });
});
