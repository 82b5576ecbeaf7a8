// A person's training record (training.historyOf): sessions, sign-in, score, verdict.
import { Card, Table, Tag } from 'antd';
import { useRead } from '../../api/useRecord';
import { href } from '../../router/route';

export function TrainingHistory({ personId }: { personId: number }) {
  const { data, error } = useRead('training.historyOf', { personId });
  return (
    <Card
      size="small"
      title={`培训经历${data ? `（累计签到学时 ${data.totalHours}）` : ''}`}
      style={{ marginBottom: 16 }}
      data-testid="training-history"
    >
      {error && <span className="muted">{error}</span>}
      <Table
        size="small"
        rowKey="attendanceId"
        pagination={false}
        dataSource={data?.sessions ?? []}
        locale={{ emptyText: '尚未参加培训。在“培训管理”中打开一个培训班，把此人加入签到表。' }}
        columns={[
          {
            title: '培训班',
            dataIndex: 'name',
            render: (v: string, r) => <a href={href(`/training/${r.sessionId}`)}>{v}</a>,
          },
          { title: '类型', dataIndex: 'kind' },
          { title: '主办', dataIndex: 'hostLevel' },
          { title: '日期', render: (_, r) => `${r.startDate} 至 ${r.endDate}` },
          { title: '学时', dataIndex: 'hours' },
          { title: '签到', dataIndex: 'signedIn', render: (v: boolean) => (v ? '已签到' : <Tag>未签到</Tag>) },
          { title: '成绩', dataIndex: 'score' },
          {
            title: '考核',
            dataIndex: 'passed',
            render: (v: boolean | null, r) =>
              v == null ? (
                '—'
              ) : v ? (
                <Tag color="green">{r.makeupPassed ? '补考合格' : '合格'}</Tag>
              ) : (
                <Tag color="red">不合格</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
