// 保密与档案 (work plan point 11): the archive register and the 保密承诺书 overview.
import { ARCHIVE_CATEGORIES, ARCHIVE_SECRECY } from '../../../core/enums';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { ImportButton } from '../imports/ImportButton';
import { archiveColumns } from './archiveColumns';
import { archiveForm } from './archiveForm';
import { archiveList } from './archiveStore';
import { PledgeOverview } from './PledgeOverview';

export function RecordsPage() {
  return (
    <TabbedPage
      title="保密与档案"
      tabs={[
        {
          key: 'archive',
          label: '档案登记',
          render: () => (
            <RoutedList
              store={archiveList}
              columns={archiveColumns}
              testId="archive-list"
              unit="条"
              noun="档案"
              howToAdd="点击“新增档案”登记本办的文件、普查表册和资料，或从档案目录（Excel）导入。"
              searchPlaceholder="档号、名称、存放位置或责任人"
              filterFields={[
                { key: 'category', label: '档案类别', options: ARCHIVE_CATEGORIES },
                { key: 'secrecy', label: '密级', options: ARCHIVE_SECRECY },
              ]}
              actions={<ImportButton target={{ kind: 'archive' }} />}
              form={{
                entity: 'archive',
                label: '档案',
                spec: archiveForm,
                width: 760,
                defaults: { secrecy: '内部' },
              }}
              onOpen={(a) => void navigate(href(`/records/archive/${a.id}`))}
            />
          ),
        },
        { key: 'pledges', label: '保密承诺书', render: () => <PledgeOverview /> },
      ]}
    />
  );
}
