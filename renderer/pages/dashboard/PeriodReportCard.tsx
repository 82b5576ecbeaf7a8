// This period's report: not filled in, filled in but not exported, exported and changed since.
import { Button, Card, Result } from 'antd';
import type { DashboardCheck } from '../../api/types';
import { checkHref } from '../../router/checkLinks';
import { href, navigate } from '../../router/route';

export function PeriodReportCard({ check, period }: { check: DashboardCheck | undefined; period: string }) {
  const status = check?.severity === 'ok' ? 'success' : check?.severity === 'error' ? 'error' : 'warning';
  const target = check?.link ? checkHref(check.link) : null;
  return (
    <Card title={`本期月报（${period}）`} size="small" data-testid="period-report">
      <Result
        status={status}
        title={<span data-testid="period-report-title">{check?.title ?? '—'}</span>}
        subTitle={check?.hint}
        style={{ padding: '12px 0' }}
        extra={[
          target && (
            <Button key="fill" type="primary" onClick={() => void navigate(target)}>
              填报进度调度表
            </Button>
          ),
          <Button key="export" onClick={() => void navigate(href('/reports'))}>
            报表导出
          </Button>,
        ]}
      />
    </Card>
  );
}
