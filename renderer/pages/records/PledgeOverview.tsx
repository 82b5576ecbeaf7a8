// 保密承诺书 at a glance: in-post people by role, signed and not, each count opening the roster
// filtered to them (where the pledge is recorded, on the person's form or by the roster import).
import { useEffect, useState } from 'react';
import { Alert, Button, Table } from 'antd';
import { call } from '../../api/call';
import { href, navigate } from '../../router/route';
import { encodeFilters } from '../../router/hash';
import { PLEDGE_STATUSES } from '../../../core/enums';

const ROLES = ['普查员', '普查指导员', '污普办工作人员', '第三方机构人员'] as const;
type Row = { role: (typeof ROLES)[number]; counts: Record<string, number> };

type Role = (typeof ROLES)[number];
type Pledge = (typeof PLEDGE_STATUSES)[number];
const filtersOf = (role: Role, pledgeStatus: Pledge) => ({ role, status: '在岗' as const, pledgeStatus });

export function PledgeOverview() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Row[] = [];
      for (const role of ROLES) {
        const counts: Record<string, number> = {};
        for (const s of PLEDGE_STATUSES) {
          const r = await call('person.list', { filters: filtersOf(role, s), pageSize: 1 });
          if (!r.ok) return live && setError(r.error.message);
          counts[s] = r.data.total;
        }
        out.push({ role, counts });
      }
      if (live) setRows(out);
    })();
    return () => {
      live = false;
    };
  }, []);
  if (error) return <Alert type="error" showIcon title={error} />;
  const open = (role: Role, s: Pledge) => void navigate(href('/people', { f: encodeFilters(filtersOf(role, s)) }));
  return (
    <div data-testid="pledge-overview" style={{ maxWidth: 720 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="在岗人员的保密承诺书签署情况。签署情况在人员表单的“保密承诺书”中填写，也可随人员花名册导入（“保密承诺书”“签署日期”两列）。"
      />
      <Table<Row>
        size="small"
        loading={!rows}
        rowKey="role"
        pagination={false}
        dataSource={rows ?? []}
        columns={[
          { title: '人员类别', dataIndex: 'role' },
          ...PLEDGE_STATUSES.map((s) => ({
            title: s,
            key: s,
            align: 'right' as const,
            render: (_: unknown, r: Row) => (
              <Button type="link" data-testid={`pledge-${r.role}-${s}`} onClick={() => open(r.role, s)}>
                {r.counts[s]} 人
              </Button>
            ),
          })),
        ]}
      />
    </div>
  );
}
