// 系统设置: the office profile, operators and each report's header and footer wording.
import { PageHead } from '../PageHead';
import { PageTabs } from '../PageTabs';
import { OfficeTab } from './OfficeTab';
import { OperatorsTab } from './OperatorsTab';
import { ReportTextsTab } from './ReportTextsTab';

export function SettingsPage() {
  return (
    <div className="page">
      <PageHead title="系统设置" />
      <PageTabs
        tabs={[
          { key: 'office', label: '单位信息', render: () => <OfficeTab /> },
          { key: 'operators', label: '操作员', render: () => <OperatorsTab /> },
          { key: 'reports', label: '报表表头表尾', render: () => <ReportTextsTab /> },
        ]}
      />
    </div>
  );
}
