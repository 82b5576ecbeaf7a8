// The route table: every screen of the app — its path pattern and what it shows — grouped by the
// area of the left navigation (menu label, icon, who may open it). The menu, the outlet and the
// sub-routes all read this; a new screen is one entry here.
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  HomeOutlined,
  TableOutlined,
  BankOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  LineChartOutlined,
  LockOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Allowed, Params } from '../router/pattern';
import { IMPORT_ROUTES, allowedKinds, importTargetFrom, type ImportTarget } from '../pages/imports/importTargets';
import { ImportFlow } from '../pages/imports/ImportFlow';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { PeopleList } from '../pages/people/PeopleList';
import { PersonDetail } from '../pages/people/PersonDetail';
import { RegionsPage } from '../pages/regions/RegionsPage';
import { TownshipDetail } from '../pages/regions/TownshipDetail';
import { VillageDetail } from '../pages/regions/VillageDetail';
import { DistrictDetail } from '../pages/regions/DistrictDetail';
import { ContractsPage } from '../pages/contracts/ContractsPage';
import { AgencyDetail } from '../pages/contracts/AgencyDetail';
import { ContractDetail } from '../pages/contracts/ContractDetail';
import { BudgetPage } from '../pages/budget/BudgetPage';
import { TrainingPage } from '../pages/training/TrainingPage';
import { TrainingDetail } from '../pages/training/TrainingDetail';
import { ProgressPage } from '../pages/progress/ProgressPage';
import { OrganisationPage } from '../pages/organisation/OrganisationPage';
import { QualityPage } from '../pages/quality/QualityPage';
import { QualityCheckDetail } from '../pages/quality/QualityCheckDetail';
import { ProblemDetail } from '../pages/quality/ProblemDetail';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { VerifyPage } from '../pages/reports/verify/VerifyPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { RecordsPage } from '../pages/records/RecordsPage';
import { ArchiveDetail } from '../pages/records/ArchiveDetail';
import { CityHome } from '../pages/city/CityHome';
import { IntakePage } from '../pages/city/IntakePage';
import { LedgerPage } from '../pages/city/LedgerPage';
import { CityReportPage } from '../pages/city/CityReportPage';
import type { OfficeLevel } from '../../core/officeLevels';

/** Who sees an area: every role ('read'), 管理员 and 录入员 ('write'), or 管理员 alone ('admin'). */
export type Access = 'read' | 'write' | 'admin';

export interface Screen {
  /** `/area/literal/:param`; `:id` (and `…Id`) is a positive integer. */
  pattern: string;
  /** Values other parameters may take. */
  allowed?: Allowed;
  render: (params: Params) => ReactNode;
}

export interface Area {
  /** The first path segment. */
  key: string;
  /** The menu's label. */
  label: string;
  icon: ReactNode;
  access: Access;
  /** The area's screens; the first is its list, shown for an address no other screen fits. */
  screens: readonly Screen[];
  /**
   * The office levels whose menu shows it (submission.md §4): a county's registries by default; a
   * city or province office's intake, ledger and compiled report; settings, the audit log and 核对 at all.
   */
  levels?: readonly OfficeLevel[];
}

/** Shown at every level. */
const ALL_LEVELS: readonly OfficeLevel[] = ['县', '市', '省'];
/** A city or province office's own areas. */
const RECEIVING: readonly OfficeLevel[] = ['市', '省'];

const id = (p: Params) => Number(p.id);
const home = (pattern: string, render: () => ReactNode): Screen => ({ pattern, render });
const detail = (pattern: string, render: (id: number, p: Params) => ReactNode): Screen => ({
  pattern,
  render: (p) => render(id(p), p),
});

const importView = (target: ImportTarget) =>
  target.kind === 'attendance' ? (
    <TrainingDetail key={target.trainingId} id={target.trainingId} importing />
  ) : (
    <ImportFlow key={target.kind} target={target} />
  );

/** The import screens under an area (importTargets.ts names them, so links and routes agree). */
const imports = (area: string): Screen[] =>
  IMPORT_ROUTES.filter((r) => r.pattern.startsWith(`/${area}/`)).map((route) => ({
    pattern: route.pattern,
    allowed: allowedKinds(route),
    render: (p) => importView(importTargetFrom(route, p)),
  }));

/** In the order of a working day, as the left navigation lists them. */
export const AREAS: readonly Area[] = [
  {
    key: 'home',
    label: '工作台',
    icon: <HomeOutlined />,
    access: 'read',
    levels: RECEIVING,
    screens: [home('/home', () => <CityHome />)],
  },
  {
    key: 'intake',
    label: '收取报表',
    icon: <CloudUploadOutlined />,
    access: 'write',
    levels: RECEIVING,
    screens: [home('/intake', () => <IntakePage />)],
  },
  {
    key: 'ledger',
    label: '报送台账',
    icon: <TableOutlined />,
    access: 'read',
    levels: RECEIVING,
    screens: [home('/ledger', () => <LedgerPage />)],
  },
  {
    key: 'cityreport',
    label: '汇总报表',
    icon: <FileDoneOutlined />,
    access: 'read',
    levels: RECEIVING,
    screens: [home('/cityreport', () => <CityReportPage />)],
  },
  {
    key: 'verify',
    label: '核对',
    icon: <CarryOutOutlined />,
    access: 'read',
    levels: RECEIVING,
    screens: [home('/verify', () => <VerifyPage />)],
  },
  {
    key: 'dashboard',
    label: '工作台',
    icon: <DashboardOutlined />,
    access: 'read',
    screens: [home('/dashboard', () => <DashboardPage />)],
  },
  {
    key: 'people',
    label: '人员管理',
    icon: <TeamOutlined />,
    access: 'read',
    screens: [
      home('/people', () => <PeopleList />),
      ...imports('people'),
      detail('/people/:id', (n) => <PersonDetail key={n} id={n} />),
    ],
  },
  {
    key: 'regions',
    label: '区划与普查小区',
    icon: <EnvironmentOutlined />,
    access: 'read',
    screens: [
      home('/regions', () => <RegionsPage />),
      ...imports('regions'),
      detail('/regions/township/:id', (n) => <TownshipDetail key={n} id={n} />),
      detail('/regions/village/:id', (n) => <VillageDetail key={n} id={n} />),
      detail('/regions/district/:id', (n) => <DistrictDetail key={n} id={n} />),
    ],
  },
  {
    key: 'contracts',
    label: '第三方机构与合同',
    icon: <SolutionOutlined />,
    access: 'read',
    screens: [
      home('/contracts', () => <ContractsPage />),
      ...imports('contracts'),
      detail('/contracts/agency/:id', (n) => <AgencyDetail key={n} id={n} />),
      detail('/contracts/:id', (n) => <ContractDetail key={n} id={n} />),
    ],
  },
  {
    key: 'budget',
    label: '经费管理',
    icon: <BankOutlined />,
    access: 'read',
    screens: [home('/budget', () => <BudgetPage />), ...imports('budget')],
  },
  {
    key: 'training',
    label: '培训管理',
    icon: <ReadOutlined />,
    access: 'read',
    screens: [
      home('/training', () => <TrainingPage />),
      ...imports('training'),
      detail('/training/:id', (n) => <TrainingDetail key={n} id={n} />),
    ],
  },
  {
    key: 'progress',
    label: '工作进度',
    icon: <LineChartOutlined />,
    access: 'read',
    screens: [home('/progress', () => <ProgressPage />)],
  },
  {
    key: 'organisation',
    label: '组织与宣传',
    icon: <NotificationOutlined />,
    access: 'read',
    screens: [home('/organisation', () => <OrganisationPage />), ...imports('organisation')],
  },
  {
    key: 'quality',
    label: '质量与督办',
    icon: <SafetyCertificateOutlined />,
    access: 'read',
    screens: [
      home('/quality', () => <QualityPage />),
      ...imports('quality'),
      detail('/quality/check/:id', (n) => <QualityCheckDetail key={n} id={n} />),
      detail('/quality/problem/:id', (n) => <ProblemDetail key={n} id={n} />),
    ],
  },
  {
    key: 'records',
    label: '保密与档案',
    icon: <LockOutlined />,
    access: 'read',
    screens: [
      home('/records', () => <RecordsPage />),
      ...imports('records'),
      detail('/records/archive/:id', (n) => <ArchiveDetail key={n} id={n} />),
    ],
  },
  {
    key: 'reports',
    label: '报表导出',
    icon: <FileExcelOutlined />,
    access: 'read',
    screens: [home('/reports', () => <ReportsPage />), home('/reports/verify', () => <VerifyPage />)],
  },
  {
    key: 'audit',
    label: '操作日志',
    icon: <AuditOutlined />,
    access: 'read',
    levels: ALL_LEVELS,
    screens: [home('/audit', () => <AuditPage />)],
  },
  {
    key: 'settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    access: 'read',
    levels: ALL_LEVELS,
    screens: [home('/settings', () => <SettingsPage />)],
  },
];
