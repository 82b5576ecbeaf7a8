// The dashboard's checks, and the milestones due soon or overdue; reloaded each time the clerk
// opens the dashboard, so every step's effect shows.
import { create } from 'zustand';
import { call } from '../api/call';
import type { DashboardData, MilestoneRecord } from '../api/types';

interface DashboardState {
  data: DashboardData | null;
  milestones: MilestoneRecord[];
  error: string | null;
  loading: boolean;
  load: () => Promise<void>;
}

export const useDashboard = create<DashboardState>((set) => ({
  data: null,
  milestones: [],
  error: null,
  loading: false,
  load: async () => {
    set({ loading: true });
    const [checks, overdue, dueSoon] = await Promise.all([
      call('dashboard.checks', {}),
      call('milestone.list', { filters: { overdue: true }, sort: { field: 'deadline', dir: 'asc' }, pageSize: 50 }),
      call('milestone.list', { filters: { dueSoon: true }, sort: { field: 'deadline', dir: 'asc' }, pageSize: 50 }),
    ]);
    if (!checks.ok) return set({ loading: false, error: checks.error.message });
    const milestones = [...(overdue.ok ? overdue.data.rows : []), ...(dueSoon.ok ? dueSoon.data.rows : [])];
    set({ data: checks.data, milestones, error: null, loading: false });
  },
}));
