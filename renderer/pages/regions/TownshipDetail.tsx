// One township: its code and kind, its villages, census districts and the people assigned to it.
import { useRead } from '../../api/useRecord';
import { embeddedVillages } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { EmbeddedList } from '../../lists/EntityList';
import { DetailPage, LoadState } from '../DetailPage';
import { PageTabs } from '../PageTabs';
import { villageColumns } from './regionColumns';
import { townshipForm, villageForm } from './regionForms';
import { AssignedPeople, RegionDistricts } from './regionLists';

export function TownshipDetail({ id }: { id: number }) {
  const { data: t, error, reload } = useRead('township.get', { id });
  if (error || !t) return <LoadState error={error} />;

  return (
    <DetailPage
      testId="township-detail"
      back="#/regions?tab=townships"
      title={`${t.name}（${t.kind ?? '乡镇'}）`}
      column={4}
      items={[
        { key: 'code', label: '代码', children: <span className="mono">{t.code}</span> },
        { key: 'kind', label: '类型', children: t.kind ?? '—' },
        { key: 'v', label: '村（社区）', children: t.villageCount },
        { key: 'd', label: '普查小区', children: t.districtCount },
      ]}
      edit={{ entity: 'township', label: '乡镇（街道）', spec: townshipForm, record: t }}
      onSaved={reload}
    >
      <PageTabs
        tabs={[
          {
            key: 'people',
            label: '本乡镇人员',
            render: () => (
              <AssignedPeople
                fixed={{ townshipId: id }}
                testId="township-people"
                noun="安排到本乡镇的人员"
                howToAdd="在人员表单中选择“所属乡镇（街道）”即可。"
              />
            ),
          },
          {
            key: 'villages',
            label: '村（社区）',
            render: () => (
              <EmbeddedList
                store={embeddedVillages}
                fixed={{ townshipId: id }}
                columns={villageColumns}
                testId="township-villages"
                unit="个"
                noun="村（社区）"
                howToAdd="点击“新增村（社区）”录入。"
                searchPlaceholder="名称或代码"
                form={{ entity: 'village', label: '村（社区）', spec: villageForm, defaults: { townshipId: id } }}
                onOpen={(v) => void navigate(href(`/regions/village/${v.id}`))}
                onChanged={reload}
              />
            ),
          },
          {
            key: 'districts',
            label: '普查小区',
            render: () => (
              <RegionDistricts
                fixed={{ townshipId: id }}
                testId="township-districts"
                noun="普查小区"
                howToAdd="点击“新增普查小区”划分。"
                defaults={{ townshipId: id, status: '未划分', enumeratorIds: [], supervisorIds: [] }}
                onChanged={reload}
              />
            ),
          },
        ]}
      />
    </DetailPage>
  );
}
