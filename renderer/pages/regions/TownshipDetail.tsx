// One township: its code and kind, its villages, census districts and the people assigned to it.
import { Alert, Button, Descriptions, Spin } from 'antd';
import { useState } from 'react';
import { useRead } from '../../api/useRecord';
import { canWrite, useSession } from '../../stores/session';
import { embeddedDistricts, embeddedPeople, embeddedVillages } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { EmbeddedList } from '../../lists/EntityList';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { PageHead } from '../PageHead';
import { PageTabs } from '../PageTabs';
import { peopleColumns } from '../people/peopleColumns';
import { districtColumns, villageColumns } from './regionColumns';
import { districtForm, townshipForm, villageForm } from './regionForms';

export function TownshipDetail({ id }: { id: number }) {
  const { data: t, error, reload } = useRead('township.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!t) return <Spin />;

  return (
    <div className="page" data-testid="township-detail">
      <PageHead
        back="#/regions?tab=townships"
        title={`${t.name}（${t.kind ?? '乡镇'}）`}
        extra={writer && <Button onClick={() => setEditing(true)}>编辑</Button>}
      />
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          { key: 'code', label: '代码', children: <span className="mono">{t.code}</span> },
          { key: 'kind', label: '类型', children: t.kind ?? '—' },
          { key: 'v', label: '村（社区）', children: t.villageCount },
          { key: 'd', label: '普查小区', children: t.districtCount },
        ]}
      />
      <PageTabs
        tabs={[
          {
            key: 'people',
            label: '本乡镇人员',
            render: () => (
              <EmbeddedList
                store={embeddedPeople}
                fixed={{ townshipId: id }}
                columns={peopleColumns}
                testId="township-people"
                unit="人"
                noun="安排到本乡镇的人员"
                howToAdd="在人员表单中选择“所属乡镇（街道）”即可。"
                searchPlaceholder="姓名、人员编号"
                onOpen={(p) => void navigate(href(`/people/${p.id}`))}
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
              <EmbeddedList
                store={embeddedDistricts}
                fixed={{ townshipId: id }}
                columns={districtColumns}
                testId="township-districts"
                unit="个"
                noun="普查小区"
                howToAdd="点击“新增普查小区”划分。"
                searchPlaceholder="名称或代码"
                form={{
                  entity: 'district',
                  label: '普查小区',
                  spec: districtForm,
                  width: 820,
                  defaults: { townshipId: id, status: '未划分', enumeratorIds: [], supervisorIds: [] },
                }}
                onOpen={(d) => void navigate(href(`/regions/district/${d.id}`))}
                onChanged={reload}
              />
            ),
          },
        ]}
      />
      <EntityFormDrawer
        entity="township"
        label="乡镇（街道）"
        spec={townshipForm}
        open={editing}
        record={t}
        onClose={() => setEditing(false)}
        onSaved={reload}
      />
    </div>
  );
}
