// One village or community: its code and township, the people assigned to it.
import { Alert, Button, Descriptions, Spin } from 'antd';
import { useState } from 'react';
import { useRead } from '../../api/useRecord';
import { canWrite, useSession } from '../../stores/session';
import { embeddedDistricts, embeddedPeople } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { EmbeddedList } from '../../lists/EntityList';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { PageHead } from '../PageHead';
import { peopleColumns } from '../people/peopleColumns';
import { districtForm, villageForm } from './regionForms';
import { districtColumns } from './regionColumns';

export function VillageDetail({ id }: { id: number }) {
  const { data: v, error, reload } = useRead('village.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  // The default code of a new 小区 here (village code + next sequence), filled into its form.
  const next = useRead('district.nextCode', { villageId: id });
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!v) return <Spin />;
  return (
    <div className="page" data-testid="village-detail">
      <PageHead
        back="#/regions?tab=villages"
        title={`${v.name}（${v.kind ?? '村（社区）'}）`}
        extra={writer && <Button onClick={() => setEditing(true)}>编辑</Button>}
      />
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'code', label: '代码', children: <span className="mono">{v.code}</span> },
          {
            key: 't',
            label: '乡镇（街道）',
            children: <a href={href(`/regions/township/${v.townshipId}`)}>{v.townshipName}</a>,
          },
          { key: 'note', label: '备注', children: v.note ?? '—' },
        ]}
      />
      <h3 style={{ margin: 0 }}>本村（社区）的普查小区</h3>
      <EmbeddedList
        store={embeddedDistricts}
        fixed={{ villageId: id }}
        columns={districtColumns}
        testId="village-districts"
        unit="个"
        noun="划入本村（社区）的普查小区"
        howToAdd="点击“新增普查小区”，代码已按本村（居）代码加序号填好。"
        searchPlaceholder="名称或代码"
        form={{
          entity: 'district',
          label: '普查小区',
          spec: districtForm,
          width: 820,
          defaults: {
            code: next.data?.code ?? null,
            name: `${v.name}普查小区`,
            townshipId: v.townshipId,
            villageId: id,
            basis: v.kind === '居委会' ? '社区' : '行政村',
            status: '未划分',
            enumeratorIds: [],
            supervisorIds: [],
          },
        }}
        onOpen={(d) => void navigate(href(`/regions/district/${d.id}`))}
        onChanged={next.reload}
      />
      <h3 style={{ margin: 0 }}>本村（社区）人员</h3>
      <EmbeddedList
        store={embeddedPeople}
        fixed={{ villageId: id }}
        columns={peopleColumns}
        testId="village-people"
        unit="人"
        noun="安排到本村（社区）的人员"
        howToAdd="在人员表单中选择“所属村（社区）”即可。"
        searchPlaceholder="姓名、人员编号"
        onOpen={(p) => void navigate(href(`/people/${p.id}`))}
      />
      <EntityFormDrawer
        entity="village"
        label="村（社区）"
        spec={villageForm}
        open={editing}
        record={v}
        onClose={() => setEditing(false)}
        onSaved={reload}
      />
    </div>
  );
}
