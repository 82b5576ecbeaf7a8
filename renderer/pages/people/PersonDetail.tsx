// One person: the record, assignments, training history; edit, 离岗 (people leave rather than
// disappear), back on duty, or delete when nothing refers to them.
import { useState } from 'react';
import { Button, Tag } from 'antd';
import { todayIso } from '../../../core/dates';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';
import { href, navigate } from '../../router/route';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { FormModal } from '../../forms/FormModal';
import { StatusTag } from '../../format/StatusTag';
import { PageHead } from '../PageHead';
import { LoadState } from '../DetailPage';
import { RegistrationPrint } from './RegistrationPrint';
import { PersonInfo } from './PersonInfo';
import { PersonAssignments } from './PersonAssignments';
import { TrainingHistory } from './TrainingHistory';
import { PersonDevices } from '../organisation/PersonDevices';
import { leaveForm, personForm } from './personForm';

export function PersonDetail({ id }: { id: number }) {
  const { data: p, error, reload } = useRead('person.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState(false);

  if (error || !p) return <LoadState error={error} />;

  const changed = () => reload();
  const backOnDuty = async () => {
    if (!(await confirm({ title: `确认${p.name}恢复在岗？`, content: '离岗日期和原因将清除（操作日志中仍有记录）。' })))
      return;
    const r = await call('person.update', { id, status: '在岗' });
    if (r.ok) {
      toast.success('已恢复在岗');
      changed();
    } else toast.error(r.error.message);
  };
  const remove = async () => {
    if (
      !(await confirm({
        title: `删除${p.name}？`,
        content: '只有录错的人员才应删除；已工作的人员请办理离岗。被普查小区、合同、培训或发放表引用的人员无法删除。',
        okText: '删除',
        danger: true,
      }))
    )
      return;
    const r = await call('person.delete', { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success('已删除');
    void navigate(href('/people'), { force: true });
  };

  return (
    <div className="page" data-testid="person-detail">
      <PageHead
        back="#/people"
        title={
          <>
            {p.name} <StatusTag value={p.status} />{' '}
            {p.roles.map((r) => (
              <Tag key={r}>{r}</Tag>
            ))}
          </>
        }
        extra={
          <>
            <RegistrationPrint personId={id} />
            {writer && (
              <>
                <Button type="primary" onClick={() => setEditing(true)} data-testid="person-edit">
                  编辑
                </Button>
                {p.status === '在岗' ? (
                  <Button onClick={() => setLeaving(true)}>办理离岗</Button>
                ) : (
                  <Button onClick={() => void backOnDuty()}>恢复在岗</Button>
                )}
                <Button danger onClick={() => void remove()}>
                  删除
                </Button>
              </>
            )}
          </>
        }
      />
      <div>
        <PersonAssignments p={p} />
        <PersonInfo p={p} />
        <TrainingHistory personId={id} />
        <PersonDevices personId={id} />
      </div>
      <EntityFormDrawer
        entity="person"
        label="人员"
        spec={personForm}
        open={editing}
        record={p}
        width={880}
        onClose={() => setEditing(false)}
        onSaved={changed}
      />
      <FormModal
        idPrefix="leave"
        open={leaving}
        title={`${p.name} 办理离岗`}
        spec={leaveForm}
        initial={{ leftDate: todayIso() }}
        okText="确认离岗"
        successText="已办理离岗"
        submit={(data) => call('person.leave', { ...(data as { leftDate: string }), id })}
        onClose={() => setLeaving(false)}
        onDone={changed}
      />
    </div>
  );
}
