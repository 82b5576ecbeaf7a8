// Where a person works: the census districts they are assigned to and, for a 普查指导员, the
// 普查员 who report to them. Districts are assigned on the district's own form.
import { Card, Empty, Space, Tag } from 'antd';
import type { PersonRecord } from '../../api/types';
import { useRead } from '../../api/useRecord';
import { href } from '../../router/route';
import { RefName } from '../../forms/RefName';

function Enumerators({ supervisorId }: { supervisorId: number }) {
  const { data } = useRead('person.list', { filters: { supervisorId }, pageSize: 200 });
  if (!data) return null;
  if (data.total === 0) return <span className="muted">暂无普查员以其为所属普查指导员（在普查员的表单中指定）。</span>;
  return (
    <Space wrap>
      {data.rows.map((p) => (
        <a key={p.id} href={href(`/people/${p.id}`)}>
          <Tag>{p.name}</Tag>
        </a>
      ))}
    </Space>
  );
}

export function PersonAssignments({ p }: { p: PersonRecord }) {
  return (
    <Card size="small" title="普查小区与指导关系" style={{ marginBottom: 16 }} data-testid="person-assignments">
      <div style={{ marginBottom: 8 }}>
        <b>负责普查小区：</b>
        {p.districtIds.length === 0 ? (
          <span className="muted">尚未安排（在“区划与普查小区”中打开普查小区，选择普查员和普查指导员）</span>
        ) : (
          <Space wrap>
            {p.districtIds.map((id) => (
              <a key={id} href={href(`/regions/district/${id}`)}>
                <Tag color="blue">
                  <RefName source="district" id={id} />
                </Tag>
              </a>
            ))}
          </Space>
        )}
      </div>
      {p.roles.includes('普查指导员') && (
        <div>
          <b>所指导的普查员：</b>
          <Enumerators supervisorId={p.id} />
        </div>
      )}
      {!p.roles.includes('普查员') && !p.roles.includes('普查指导员') && p.districtIds.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="非普查员、普查指导员，无需安排普查小区" />
      )}
    </Card>
  );
}
