// One item of the problem and 督办 ledger: what was raised, by whom, about whom, and the reply.
import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { todayIso } from '../../../core/dates';
import { useRead } from '../../api/useRecord';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { orDash } from '../../format/display';
import { closeProblemForm, problemForm } from './qualityForms';
import { RecordPage } from './RecordPage';

export function ProblemDetail({ id }: { id: number }) {
  const { data: p, error, reload } = useRead('problem.get', { id });
  const [closing, setClosing] = useState(false);
  // One object per loaded record: the drawer resets its form when the record it is given changes.
  const closed = useMemo(() => p && { ...p, status: '已办结', resolvedDate: p.resolvedDate ?? todayIso() }, [p]);
  const about = p ? [p.townshipName, p.personName, p.agencyName].filter(Boolean).join('、') : '';
  return (
    <>
      <RecordPage
        entity="problem"
        label="问题与督办事项"
        tab="problems"
        record={p as Record<string, unknown> | null}
        error={error}
        title={p ? `${p.kind} ${p.refNo}` : ''}
        spec={problemForm}
        testId="problem-detail"
        onChanged={reload}
        actions={
          p?.status === '未办结' && (
            <Button type="primary" onClick={() => setClosing(true)} data-testid="problem-close">
              办结
            </Button>
          )
        }
        items={
          p
            ? [
                { key: 'kind', label: '类别', children: p.kind },
                { key: 'raised', label: '提出日期', children: p.raisedDate },
                { key: 'source', label: '来源', children: orDash(p.source) },
                { key: 'by', label: '提出人', children: orDash(p.raisedBy) },
                { key: 'subject', label: '涉及对象', children: about ? `${p.subject}（${about}）` : p.subject },
                {
                  key: 'due',
                  label: '办结时限',
                  children: p.overdue ? `${p.dueDate}（已逾期${p.daysOverdue}天）` : orDash(p.dueDate),
                },
                { key: 'content', label: '问题内容', children: p.content, span: 2 },
                { key: 'status', label: '办理状态', children: <span data-testid="problem-status">{p.status}</span> },
                { key: 'resolved', label: '办结日期', children: orDash(p.resolvedDate) },
                { key: 'resolution', label: '办理情况及回复', children: orDash(p.resolution), span: 2 },
                { key: 'note', label: '备注', children: orDash(p.note), span: 2 },
              ]
            : []
        }
      />
      {p && (
        <EntityFormDrawer
          entity="problem"
          label="问题与督办事项"
          spec={closeProblemForm}
          width={640}
          open={closing}
          record={closed}
          onClose={() => setClosing(false)}
          onSaved={reload}
        />
      )}
    </>
  );
}
