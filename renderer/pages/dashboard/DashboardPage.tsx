// 工作台: every check of the work plan with its count and the list that fixes it; the
// milestones due; this period's report.
import { useEffect } from 'react';
import { Alert, Card, Col, Collapse, Row, Spin } from 'antd';
import { useDashboard } from '../../stores/dashboard';
import { useRoute } from '../../router/route';
import { CheckRow } from './CheckRow';
import { PeriodReportCard } from './PeriodReportCard';
import { MilestoneDueList } from './MilestoneDueList';
import { FirstDayChecklist, useFirstSteps } from './FirstDayChecklist';
import { Deferred } from '../../lists/Deferred';

export function DashboardPage() {
  const seq = useRoute((r) => r.seq);
  const { data, milestones, error } = useDashboard();
  const firstSteps = useFirstSteps(seq);
  useEffect(() => {
    void useDashboard.getState().load();
  }, [seq]);

  if (error) return <Alert type="error" showIcon title={`工作台加载失败：${error}`} />;
  if (!data) return <Spin />;

  const listed = data.checks.filter((c) => c.id !== 'periodReport');
  const open = listed
    .filter((c) => c.severity !== 'ok')
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const done = listed.filter((c) => c.severity === 'ok');
  const period = data.checks.find((c) => c.id === 'periodReport');
  // A new office starts from the first-day checklist; its checks pass only because nothing is entered yet.
  const starting = firstSteps !== null && firstSteps.done < firstSteps.total;

  return (
    <div className="page" data-testid="dashboard">
      <div className="page-head">
        <h1 className="page-title">工作台</h1>
        <span className="muted">截至 {data.asOf}</span>
      </div>
      {/* The click that opens the dashboard renders its head; the grid and its cards mount a task later,
          the passed checks (folded) and the side column one more task each (lists/Deferred.tsx). */}
      <Deferred>
        <Row gutter={16}>
          <Col xs={24} xl={15}>
            {starting && <FirstDayChecklist data={firstSteps} />}
            <Card title={`需要处理的事项（${open.length}）`} size="small" styles={{ body: { padding: 0 } }}>
              {open.length === 0 ? (
                <div style={{ padding: 16 }}>各项检查均已达标。</div>
              ) : (
                open.map((c) => <CheckRow key={c.id} check={c} />)
              )}
            </Card>
            <Deferred>
              <Collapse
                style={{ marginTop: 16 }}
                items={[
                  {
                    key: 'ok',
                    forceRender: true,
                    label: starting ? `暂未发现问题的检查（${done.length}）` : `已达标的检查（${done.length}）`,
                    children: done.map((c) => <CheckRow key={c.id} check={c} />),
                    styles: { body: { padding: 0 } },
                  },
                ]}
              />
            </Deferred>
          </Col>
          <Col xs={24} xl={9}>
            <Deferred>
              <PeriodReportCard check={period} period={data.period} />
              <div style={{ height: 16 }} />
              <MilestoneDueList milestones={milestones} />
            </Deferred>
          </Col>
        </Row>
      </Deferred>
    </div>
  );
}
