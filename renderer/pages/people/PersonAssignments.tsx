// Where a person works: the census districts they are assigned to and, for a 普查指导员, the
// 普查员 who report to them. Districts are assigned on the district's own form.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { PersonRecord } from '../../api/types';
import { useRead } from '../../api/useRecord';
import { href } from '../../router/route';

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

/**
 * The person's 小区 with their 名录库底册数 and, for a 普查员, the workload the dashboard's check
 * judges against the office's limits (db/entities/coverage.ts: a 小区 with several 普查员 is shared
 * equally), so the clerk sees why someone is listed as over the workload.
 */
function Districts({ p }: { p: PersonRecord }) {
  const { data } = useRead('district.list', { filters: { assigneeId: p.id }, pageSize: 200 });
  const settings = useRead('coverage.settings', {}).data;
  if (!data) return null;
  const asEnumerator = data.rows.filter((d) => d.enumeratorIds.includes(p.id));
  const listing = asEnumerator.reduce((n, d) => n + (d.listingCount ?? 0) / d.enumeratorIds.length, 0);
  const maxListing = settings?.maxListingPerEnumerator ?? null;
  const maxDistricts = settings?.maxDistrictsPerEnumerator ?? null;
  const over =
    (maxListing !== null && listing > maxListing) || (maxDistricts !== null && asEnumerator.length > maxDistricts);
  return (
    <>
      <Space wrap>
        {data.rows.map((d) => (
          <a key={d.id} href={href(`/regions/district/${d.id}`)}>
            <Tag color="blue">
              {d.name}
              {d.listingCount !== null && `（底册${d.listingCount}）`}
            </Tag>
          </a>
        ))}
      </Space>
      {asEnumerator.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="person-workload">
          <Typography.Text type={over ? 'danger' : undefined}>
            作为普查员的工作量：{asEnumerator.length} 个小区
            {maxDistricts !== null && `（上限 ${maxDistricts}）`}，名录库底册数 {Math.round(listing * 10) / 10}
            {maxListing !== null && `（上限 ${maxListing}）`}
            {over && '，超过工作量上限'}
          </Typography.Text>
          {asEnumerator.some((d) => d.enumeratorIds.length > 1) && (
            <span className="muted">（多名普查员的小区平均分摊）</span>
          )}
        </div>
      )}
    </>
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
          <Districts p={p} />
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
