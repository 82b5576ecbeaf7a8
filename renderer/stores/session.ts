// Who is at the keyboard and which office this is. Boot decides the first screen: the setup
// wizard on a fresh data file, the login page, or the workbench for a live session.
import { create } from 'zustand';
import { call, setUnauthenticatedHandler } from '../api/call';
import type { ApiError, InputOf } from '../../core/api';
import type { OfficeRecord, SessionOperator } from '../api/types';

export type Phase = 'booting' | 'unreachable' | 'setup' | 'login' | 'ready';

interface SessionState {
  phase: Phase;
  operator: SessionOperator | null;
  office: OfficeRecord | null;
  /** Why the backend could not be reached (bad token, server stopped). */
  problem: string | null;
  boot: () => Promise<void>;
  login: (name: string, password: string) => Promise<ApiError | null>;
  setup: (input: InputOf<'setup.init'>) => Promise<ApiError | null>;
  logout: () => Promise<void>;
  refreshOffice: () => Promise<void>;
}

async function loadOffice(): Promise<OfficeRecord | null> {
  const r = await call('office.get', {});
  return r.ok ? r.data : null;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'booting',
  operator: null,
  office: null,
  problem: null,

  boot: async () => {
    const status = await call('setup.status', {});
    if (!status.ok) return set({ phase: 'unreachable', problem: status.error.message });
    if (!status.data.hasOperators) return set({ phase: 'setup' });
    const me = await call('session.current', {});
    if (!me.ok || !me.data) return set({ phase: 'login', operator: null });
    set({ operator: me.data, office: await loadOffice(), phase: 'ready' });
  },

  login: async (name, password) => {
    const r = await call('session.login', { name, password });
    if (!r.ok) return r.error;
    set({ operator: r.data, office: await loadOffice(), phase: 'ready' });
    return null;
  },

  setup: async (input) => {
    const r = await call('setup.init', input);
    if (!r.ok) return r.error;
    set({ operator: r.data, office: await loadOffice(), phase: 'ready' });
    return null;
  },

  logout: async () => {
    await call('session.logout', {});
    set({ operator: null, phase: 'login' });
    // A fresh page for the next operator: no search, list or draft of this one survives.
    history.replaceState(null, '', location.pathname + location.search);
    location.reload();
  },

  refreshOffice: async () => set({ office: await loadOffice() }),
}));

// A session that ended on the server (restart, idle timeout) sends the clerk back to the login page.
setUnauthenticatedHandler(() => {
  if (useSession.getState().phase === 'ready') useSession.setState({ phase: 'login', operator: null });
});

/** 录入员 and 管理员 may change data; 只读 may only look (the backend enforces it too). */
export const canWrite = (op: SessionOperator | null) => op?.role === '管理员' || op?.role === '录入员';
export const isAdmin = (op: SessionOperator | null) => op?.role === '管理员';
