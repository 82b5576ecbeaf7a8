// 区划与普查小区: townships, villages and census districts; each opens its own page, and each list
// imports from Excel (#/regions/import/<kind>).
import { DISTRICT_STATUSES } from '../../../core/enums';
import { districtList, townshipList, villageList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { districtColumns, townshipColumns, villageColumns } from './regionColumns';
import { districtForm, townshipForm, villageForm } from './regionForms';
import { ImportButton } from '../imports/ImportButton';

const open = (kind: string) => (r: { id: number }) => void navigate(href(`/regions/${kind}/${r.id}`));

/** The page's three lists; the records and imports open as their own screens (app/screens.tsx). */
export function RegionsPage() {
  return (
    <TabbedPage
      title="区划与普查小区"
      tabs={[
        {
          key: 'townships',
          label: '乡镇（街道）',
          render: () => (
            <RoutedList
              store={townshipList}
              columns={townshipColumns}
              testId="township-list"
              unit="个"
              noun="乡镇（街道）"
              howToAdd="点击“新增乡镇（街道）”，按统计用区划代码录入本县的乡镇和街道。"
              searchPlaceholder="名称或代码"
              actions={<ImportButton target={{ kind: 'township' }} />}
              form={{ entity: 'township', label: '乡镇（街道）', spec: townshipForm }}
              onOpen={open('township')}
            />
          ),
        },
        {
          key: 'villages',
          label: '村（社区）',
          render: () => (
            <RoutedList
              store={villageList}
              columns={villageColumns}
              testId="village-list"
              unit="个"
              noun="村（社区）"
              howToAdd="先录入乡镇（街道），再点击“新增村（社区）”。"
              searchPlaceholder="名称或代码"
              filterFields={[{ key: 'townshipId', label: '乡镇（街道）', source: 'township' }]}
              actions={<ImportButton target={{ kind: 'village' }} />}
              form={{ entity: 'village', label: '村（社区）', spec: villageForm }}
              onOpen={open('village')}
            />
          ),
        },
        {
          key: 'districts',
          label: '普查小区',
          render: () => (
            <RoutedList
              store={districtList}
              columns={districtColumns}
              testId="district-list"
              unit="个"
              noun="普查小区"
              howToAdd="点击“新增普查小区”划分小区，并安排普查员和普查指导员。"
              searchPlaceholder="名称或代码"
              filterFields={[
                { key: 'townshipId', label: '乡镇（街道）', source: 'township' },
                { key: 'status', label: '划分状态', options: DISTRICT_STATUSES },
              ]}
              actions={<ImportButton target={{ kind: 'district' }} />}
              form={{
                entity: 'district',
                label: '普查小区',
                spec: districtForm,
                width: 820,
                defaults: { status: '未划分', enumeratorIds: [], supervisorIds: [] },
              }}
              onOpen={open('district')}
            />
          ),
        },
      ]}
    />
  );
}
