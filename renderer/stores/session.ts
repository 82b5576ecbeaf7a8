// Who is at the keyboard and which office this is. Boot decides the first screen: 输入恢复码 on an
// encrypted data file not opened yet, the setup wizard on a fresh one, the login page, or the
// workbench for a live session.
import { create } from 'zustand';
import { call, setSessionEndedHandler } from '../api/call';
import { restartPage, takeRestartNotice } from '../app/freshPage';
import type { ApiError, InputOf } from '../../core/api';
import type { OfficeRecord, SessionOperator } from '../api/types';
import type { OperatorRole } from '../../core/enums';

/**
 * 'locked': the workbench stays underneath, hidden, until the same operator unlocks it.
 * 'unlock': the data file is encrypted and closed; the 恢复码 opens it (setup.unlock).
 */
export type Phase = 'booting' | 'unreachable' | 'unlock' | 'setup' | 'login' | 'ready' | 'locked';

interface SessionState {
  phase: Phase;
  operator: SessionOperator | null;
  office: OfficeRecord | null;
  /** Why the backend could not be reached (bad token, server stopped). */
  problem: string | null;
  /** Why the clerk is asked to log in again (the backend's words), shown on the login/lock screen. */
  notice: string | null;
  /**
   * What of 安全设置 the page acts on — the idle lock (0: never) and who may reveal full numbers —
   * read once when the workbench opens and replaced when 安全设置 is saved.
   */
  idleLockMinutes: number;
  revealRoles: readonly OperatorRole[];
  loadSafety: () => Promise<void>;
  setSafety: (s: { idleLockMinutes: number; revealRoles: readonly OperatorRole[] }) => void;
  boot: () => Promise<void>;
  login: (name: string, password: string) => Promise<ApiError | null>;
  /** setup.init; the wizard stays (its 保存恢复码 step) until enterWorkbench. */
  setup: (input: InputOf<'setup.init'>) => Promise<ApiError | null>;
  enterWorkbench: () => void;
  logout: () => Promise<void>;
  /** Hides the workbench until the operator logs in again (idle lock, here or in the backend). */
  lock: (notice: string) => void;
  /** Logs the locked operator in again; the screens underneath keep their state (unsaved forms too). */
  unlock: (password: string) => Promise<ApiError | null>;
  refreshOffice: () => Promise<void>;
}

async function loadOffice(): Promise<OfficeRecord | null> {
  const r = await call('office.get', {});
  return r.ok ? r.data : null;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'booting',
  operator: null,
  office: null,
  problem: null,
  notice: null,
  idleLockMinutes: 0,
  revealRoles: ['管理员'],

  loadSafety: async () => {
    const r = await call('safety.settings', {});
    if (r.ok) get().setSafety(r.data);
  },
  setSafety: ({ idleLockMinutes, revealRoles }) => set({ idleLockMinutes, revealRoles }),

  boot: async () => {
    const status = await call('setup.status', {});
    if (!status.ok) return set({ phase: 'unreachable', problem: status.error.message });
    if (status.data.locked) return set({ phase: 'unlock', operator: null });
    if (!status.data.hasOperators) return set({ phase: 'setup' });
    const me = await call('session.current', {});
    if (!me.ok || !me.data) return set({ phase: 'login', operator: null, notice: takeRestartNotice() });
    // session.current answers whoever holds the session; the first real call says whether they
    // are locked (a reload must not get round the lock screen).
    const office = await call('office.get', {});
    if (!office.ok && office.error.code === 'IDLE_LOCKED')
      return set({ operator: me.data, phase: 'locked', notice: office.error.message });
    set({ operator: me.data, office: office.ok ? office.data : null, phase: 'ready' });
  },

  login: async (name, password) => {
    const r = await call('session.login', { name, password });
    if (!r.ok) return r.error;
    set({ operator: r.data, office: await loadOffice(), phase: 'ready', notice: null });
    return null;
  },

  lock: (notice) => set((s) => (s.phase === 'ready' ? { phase: 'locked', notice } : {})),

  unlock: async (password) => {
    const name = get().operator?.name;
    if (!name) return null;
    const r = await call('session.login', { name, password });
    if (!r.ok) return r.error;
    set({ operator: r.data, phase: 'ready', notice: null });
    if (!get().office) set({ office: await loadOffice() });
    return null;
  },

  setup: async (input) => {
    const r = await call('setup.init', input);
    if (!r.ok) return r.error;
    set({ operator: r.data, office: await loadOffice() });
    return null;
  },

  enterWorkbench: () => set({ phase: 'ready' }),

  logout: async () => {
    await call('session.logout', {});
    set({ operator: null, phase: 'login' });
    restartPage();
  },

  refreshOffice: async () => set({ office: await loadOffice() }),
}));

// A session the backend ended: an idle lock keeps the workbench (and any unsaved form) under the
// lock screen; anything else (server restarted, operator disabled, data restored) logs out and
// starts a fresh page, with the reason on the login page.
setSessionEndedHandler((error) => {
  const { phase, lock } = useSession.getState();
  // The backend closed the data file (restarted without its key): the 恢复码 first, then a login.
  if (error.code === 'DATA_LOCKED') return useSession.setState({ phase: 'unlock', operator: null });
  if (phase !== 'ready' && phase !== 'locked') return;
  if (error.code === 'IDLE_LOCKED') return lock(error.message);
  useSession.setState({ phase: 'login', operator: null });
  restartPage(error.code === 'UNAUTHENTICATED' ? '登录已结束，请重新登录' : error.message);
});

/** 录入员 and 管理员 may change data; 只读 may only look (the backend enforces it too). */
export const canWrite = (op: SessionOperator | null) => op?.role === '管理员' || op?.role === '录入员';
export const isAdmin = (op: SessionOperator | null) => op?.role === '管理员';
