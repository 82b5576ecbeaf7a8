// 系统设置: the office profile, a city or province office's units, operators, each report's header and footer wording, and data
// safety — backups and restore, the data package (管理员 only: the backend refuses others) and the
// safety settings.
import { isAdmin, useSession } from '../../stores/session';
import { TabbedPage } from '../PageTabs';
import { BackupsTab } from './BackupsTab';
import { CoverageTab } from './CoverageTab';
import { OfficeTab } from './OfficeTab';
import { OperatorsTab } from './OperatorsTab';
import { PackageTab } from './PackageTab';
import { ReportTextsTab } from './ReportTextsTab';
import { SafetyTab } from './SafetyTab';
import { UnitsTab } from './UnitsTab';
import { levelOf } from '../../app/resolveScreen';
import { UNIT_KIND_LABELS } from '../../../core/officeLevels';

export function SettingsPage() {
  const admin = isAdmin(useSession((s) => s.operator));
  const level = levelOf(useSession((s) => s.office));
  return (
    <TabbedPage
      title="系统设置"
      tabs={[
        { key: 'office', label: '单位信息', render: () => <OfficeTab /> },
        ...(level === '县'
          ? []
          : [{ key: 'units', label: `下级${UNIT_KIND_LABELS[level]}`, render: () => <UnitsTab /> }]),
        { key: 'operators', label: '操作员', render: () => <OperatorsTab /> },
        { key: 'reports', label: '报表表头表尾', render: () => <ReportTextsTab /> },
        // 普查小区 and workloads are a county's fieldwork; a city or province office has none.
        ...(level === '县' ? [{ key: 'coverage', label: '普查小区与工作量', render: () => <CoverageTab /> }] : []),
        ...(admin
          ? [
              { key: 'backups', label: '备份与恢复', render: () => <BackupsTab /> },
              { key: 'package', label: '数据包', render: () => <PackageTab /> },
            ]
          : []),
        { key: 'safety', label: '安全设置', render: () => <SafetyTab /> },
      ]}
    />
  );
}
