// One census district: where it is, its boundary, and the 普查员 and 普查指导员 assigned to it.
import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useRead } from '../../api/useRecord';
import { canWrite, useSession } from '../../stores/session';
import { href } from '../../router/route';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { RefName } from '../../forms/RefName';
import { StatusTag } from '../../format/StatusTag';
import { orDash } from '../../format/display';
import { PageHead } from '../PageHead';
import { LoadState } from '../DetailPage';
import { districtForm } from './regionForms';

/** The assignees; one who has left is shown as such and counts as no one (未安排 when none is left in post). */
function People({ ids, left, role }: { ids: number[]; left: number[]; role: string }) {
  if (ids.length === 0) return <Tag color="red">未安排{role}</Tag>;
  const inPost = ids.filter((id) => !left.includes(id)).length;
  return (
    <Space wrap>
      {ids.map((id) => (
        <a key={id} href={href(`/people/${id}`)}>
          <Tag
            color={left.includes(id) ? 'default' : 'blue'}
            data-testid={left.includes(id) ? 'assignee-left' : undefined}
          >
            <RefName source="person" id={id} />
            {left.includes(id) && '（已离岗）'}
          </Tag>
        </a>
      ))}
      {inPost === 0 && <Tag color="red">无在岗{role}</Tag>}
    </Space>
  );
}

export function DistrictDetail({ id }: { id: number }) {
  const { data: d, error, reload } = useRead('district.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  if (error || !d) return <LoadState error={error} />;
  return (
    <div className="page" data-testid="district-detail">
      <PageHead
        back="#/regions?tab=districts"
        title={
          <>
            {d.name} <StatusTag value={d.status} />
          </>
        }
        extra={
          writer && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="district-edit">
              编辑与安排人员
            </Button>
          )
        }
      />
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'code', label: '普查小区代码', children: <span className="mono">{d.code}</span> },
          { key: 'basis', label: '划分依据', children: d.basis },
          {
            key: 't',
            label: '乡镇（街道）',
            children: <a href={href(`/regions/township/${d.townshipId}`)}>{d.townshipName}</a>,
          },
          {
            key: 'v',
            label: '村（社区）',
            children: d.villageId ? <a href={href(`/regions/village/${d.villageId}`)}>{d.villageName}</a> : '—',
          },
          {
            key: 'e',
            label: '普查员',
            children: <People ids={d.enumeratorIds} left={d.leftAssigneeIds} role="普查员" />,
          },
          {
            key: 's',
            label: '普查指导员',
            children: <People ids={d.supervisorIds} left={d.leftAssigneeIds} role="普查指导员" />,
          },
          { key: 'l', label: '名录库底册数', children: orDash(d.listingCount) },
          { key: 'b', label: '四至范围', children: orDash(d.boundaryNote) },
          { key: 'n', label: '备注', children: orDash(d.note), span: 2 },
        ]}
      />
      <EntityFormDrawer
        entity="district"
        label="普查小区"
        spec={districtForm}
        open={editing}
        record={d}
        width={820}
        onClose={() => setEditing(false)}
        onSaved={reload}
      />
    </div>
  );
}
