// One training session: what, when, who taught it, the figures of report R4, and its grid.
import { useState } from 'react';
import { Button, Descriptions } from 'antd';
import { PrintButton } from '../PrintButton';
import { ExportFormButton } from '../reports/ExportFormButton';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';
import { href, navigate } from '../../router/route';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { orDash, rate, yuanText } from '../../format/display';
import { PageHead } from '../PageHead';
import { LoadState } from '../DetailPage';
import { AttendanceGrid } from './AttendanceGrid';
import { trainingForm } from './trainingForms';
import { ImportButton } from '../imports/ImportButton';
import { AttendanceImport } from '../imports/AttendanceImport';

/** `importing`: the session's attendance import (#/training/<id>/import) instead of its grid. */
export function TrainingDetail({ id, importing = false }: { id: number; importing?: boolean }) {
  const { data: t, error, reload } = useRead('training.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  if (error || !t) return <LoadState error={error} />;
  const changed = () => reload();
  if (importing) return <AttendanceImport trainingId={id} name={t.name} onCommitted={changed} />;
  const remove = async () => {
    if (
      !(await confirm({
        title: `删除培训班“${t.name}”？`,
        content: '签到与考核记录将一并删除。',
        danger: true,
        okText: '删除',
      }))
    )
      return;
    const r = await call('training.delete', { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success('已删除培训班');
    void navigate(href('/training'), { force: true });
  };

  return (
    <div className="page" data-testid="training-detail">
      <PageHead
        back="#/training"
        title={t.name}
        extra={
          <>
            {/* The 培训签到表 of reports.md R4, through renderer/print/. */}
            <PrintButton target={{ kind: 'signInSheet', sessionId: id }} label="打印签到表" testId="print-signin" />
            <ExportFormButton target={{ reportId: 'R4-signin', sessionId: id }} of={t.name} testId="export-signin" />
            <ImportButton
              target={{ kind: 'attendance', trainingId: id }}
              label="导入签到与考核"
              testId="attendance-import"
            />
            {writer && (
              <>
                <Button onClick={() => setEditing(true)}>编辑培训班</Button>
                <Button danger onClick={() => void remove()}>
                  删除
                </Button>
              </>
            )}
          </>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'kind', label: '培训类型', children: t.kind },
          { key: 'host', label: '主办', children: `${t.hostLevel}级 ${t.hostUnit ?? ''}` },
          { key: 'date', label: '起止日期', children: `${t.startDate} 至 ${t.endDate}` },
          { key: 'batch', label: '期次', children: orDash(t.batch) },
          { key: 'loc', label: '地点', children: orDash(t.location) },
          { key: 'hours', label: '学时', children: orDash(t.hours) },
          { key: 'exam', label: '考核方式', children: orDash(t.examMethod) },
          { key: 'inst', label: '授课人/单位', children: orDash(t.instructor) },
          {
            key: 'n',
            label: '参训人数',
            children: `${t.signedInCount}（普查员 ${t.enumeratorCount}，指导员 ${t.supervisorCount}，第三方 ${t.thirdPartyCount}，联络员 ${t.liaisonCount}，临时 ${t.guestCount}）`,
          },
          {
            key: 'pass',
            label: '参考 / 合格',
            children: (
              <span data-testid="training-passed">{`${t.examinedCount} / ${t.passedCount}（合格率 ${rate(t.passRate)}）`}</span>
            ),
          },
          { key: 'cost', label: '培训经费', children: yuanText(t.cost) },
        ]}
      />
      <AttendanceGrid sessionId={id} writer={writer} onSaved={changed} />
      <EntityFormDrawer
        entity="training"
        label="培训班"
        spec={trainingForm}
        width={760}
        open={editing}
        record={t}
        onClose={() => setEditing(false)}
        onSaved={changed}
      />
    </div>
  );
}
