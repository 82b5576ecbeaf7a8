// One village or community: its code and township, the people assigned to it.
import { useRead } from '../../api/useRecord';
import { href } from '../../router/route';
import { DetailPage, LoadState } from '../DetailPage';
import { villageForm } from './regionForms';
import { AssignedPeople, RegionDistricts } from './regionLists';

export function VillageDetail({ id }: { id: number }) {
  const { data: v, error, reload } = useRead('village.get', { id });
  // The default code of a new 小区 here (village code + next sequence), filled into its form.
  const next = useRead('district.nextCode', { villageId: id });
  if (error || !v) return <LoadState error={error} />;
  return (
    <DetailPage
      testId="village-detail"
      back="#/regions?tab=villages"
      title={`${v.name}（${v.kind ?? '村（社区）'}）`}
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
      edit={{ entity: 'village', label: '村（社区）', spec: villageForm, record: v }}
      onSaved={reload}
    >
      <h3 style={{ margin: 0 }}>本村（社区）的普查小区</h3>
      <RegionDistricts
        fixed={{ villageId: id }}
        testId="village-districts"
        noun="划入本村（社区）的普查小区"
        howToAdd="点击“新增普查小区”，代码已按本村（居）代码加序号填好。"
        defaults={{
          code: next.data?.code ?? null,
          name: `${v.name}普查小区`,
          townshipId: v.townshipId,
          villageId: id,
          basis: v.kind === '居委会' ? '社区' : '行政村',
          status: '未划分',
          enumeratorIds: [],
          supervisorIds: [],
        }}
        onChanged={next.reload}
      />
      <h3 style={{ margin: 0 }}>本村（社区）人员</h3>
      <AssignedPeople
        fixed={{ villageId: id }}
        testId="village-people"
        noun="安排到本村（社区）的人员"
        howToAdd="在人员表单中选择“所属村（社区）”即可。"
      />
    </DetailPage>
  );
}
