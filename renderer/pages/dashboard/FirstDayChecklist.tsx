// The first-day checklist (区划 → 人员 → 机构与合同 → 经费 → 培训 → 进度 → 月报, core/firstSteps.ts):
// what a new office does first, each step ticked once its registry holds something, with the page
// that does it. Shown until every step is done.
import { useEffect, useState } from 'react';
import { Button, Card, Progress } from 'antd';
import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { call } from '../../api/call';
import { href, navigate } from '../../router/route';
import type { OutputOf } from '../../../core/api';

type FirstSteps = OutputOf<'dashboard.firstSteps'>;

export function useFirstSteps(seq: number): FirstSteps | null {
  const [data, setData] = useState<FirstSteps | null>(null);
  useEffect(() => {
    let live = true;
    void call('dashboard.firstSteps', {}).then((r) => {
      if (live && r.ok) setData(r.data);
    });
    return () => {
      live = false;
    };
  }, [seq]);
  return data;
}

export function FirstDayChecklist({ data }: { data: FirstSteps }) {
  const next = data.steps.find((s) => !s.done);
  return (
    <Card
      size="small"
      title={`开始使用：第一天清单（已完成 ${data.done}/${data.total}）`}
      style={{ marginBottom: 16 }}
      data-testid="first-steps"
      data-done={data.done}
    >
      <Progress percent={Math.round((data.done / data.total) * 100)} size="small" style={{ marginBottom: 8 }} />
      <ol className="first-steps">
        {data.steps.map((s, i) => (
          <li
            key={s.key}
            data-testid={`first-step-${s.key}`}
            data-done={s.done}
            style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}
          >
            {s.done ? (
              <CheckCircleFilled style={{ color: '#389e0d' }} />
            ) : (
              <span className="first-step-no">{i + 1}</span>
            )}
            <b style={{ minWidth: 84 }}>{s.title}</b>
            <span className="muted" style={{ flex: 1 }}>
              {s.done ? `已有 ${s.count} ${s.unit}` : s.todo}
            </span>
            <Button
              type={s === next ? 'primary' : 'link'}
              size="small"
              onClick={() => void navigate(href(s.path))}
              data-testid={`first-step-go-${s.key}`}
            >
              {s.done ? '查看' : '去办理'} <RightOutlined />
            </Button>
          </li>
        ))}
      </ol>
    </Card>
  );
}
