import { Menu } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  LineChartOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { href, navigate, useRoute } from '../router/route';
import { PAGES, type PageKey } from './pages';

const ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  people: <TeamOutlined />,
  regions: <EnvironmentOutlined />,
  contracts: <SolutionOutlined />,
  budget: <BankOutlined />,
  training: <ReadOutlined />,
  progress: <LineChartOutlined />,
  reports: <FileExcelOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

export function NavMenu() {
  const page = useRoute((r) => r.path[0]);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[page]}
      items={PAGES.map((p) => ({
        key: p.key,
        icon: ICONS[p.key],
        label: <span data-testid={`nav-${p.key}`}>{p.label}</span>,
      }))}
      onClick={({ key }) => void navigate(href(`/${key}`))}
    />
  );
}
