// Milestones overdue or due within 14 days, nearest deadline first.
import { Card, List, Tag } from 'antd';
import type { MilestoneRecord } from '../../api/types';
import { href, navigate } from '../../router/route';
import { dateCn } from '../../format/display';

export function MilestoneDueList({ milestones }: { milestones: MilestoneRecord[] }) {
  return (
    <Card
      title="工作要点：逾期与即将到期"
      size="small"
      data-testid="milestones-due"
      extra={<a href={href('/progress', { tab: 'milestones' })}>全部要点</a>}
    >
      <List
        size="small"
        dataSource={milestones}
        locale={{ emptyText: '没有逾期或14天内到期的工作要点' }}
        renderItem={(m) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => void navigate(href('/progress', { tab: 'milestones' }))}
          >
            <List.Item.Meta
              title={
                <span>
                  {m.overdue ? (
                    <Tag color="red">已逾期{m.daysLeft != null ? ` ${-m.daysLeft} 天` : ''}</Tag>
                  ) : (
                    <Tag color="orange">还剩 {m.daysLeft} 天</Tag>
                  )}
                  {m.title}
                </span>
              }
              description={`要点${m.pointNo} ${m.pointTitle} · 完成时限 ${dateCn(m.deadline)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
