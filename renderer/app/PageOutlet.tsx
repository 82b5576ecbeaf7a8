// The page for the route's first segment; each page reads the rest of the route itself.
import type { ReactNode } from 'react';
import { useRoute } from '../router/route';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { PeoplePage } from '../pages/people/PeoplePage';
import { RegionsPage } from '../pages/regions/RegionsPage';
import { ContractsPage } from '../pages/contracts/ContractsPage';
import { BudgetPage } from '../pages/budget/BudgetPage';
import { TrainingPage } from '../pages/training/TrainingPage';
import { ProgressPage } from '../pages/progress/ProgressPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import type { PageKey } from './pages';

const PAGE_COMPONENTS: Record<PageKey, () => ReactNode> = {
  dashboard: DashboardPage,
  people: PeoplePage,
  regions: RegionsPage,
  contracts: ContractsPage,
  budget: BudgetPage,
  training: TrainingPage,
  progress: ProgressPage,
  reports: ReportsPage,
  audit: AuditPage,
  settings: SettingsPage,
};

export function PageOutlet() {
  const page = useRoute((r) => r.path[0]);
  const Page = PAGE_COMPONENTS[page as PageKey] ?? DashboardPage;
  return <Page key={page} />;
}
