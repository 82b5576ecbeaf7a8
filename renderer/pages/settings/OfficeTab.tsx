// 单位信息: the profile every report's header, footer and file name are taken from. 管理员 only.
// The fields are named as the office's level calls them.
import { Alert } from 'antd';
import { call } from '../../api/call';
import { isAdmin, useSession } from '../../stores/session';
import { levelOf } from '../../app/resolveScreen';
import { InlineForm } from './InlineForm';
import { OFFICE_DEFAULTS, OFFICE_FIELDS, officeFormFor, withCityFields } from './officeForm';
import type { InputOf } from '../../../core/api';
import { confirm, toast } from '../../app/feedback';

/**
 * 标准时点 moved: asks whether the work plan's deadlines move with it, and moves date and deadlines
 * in one write (office.moveReferenceDate) before the rest of the form is saved; null when it stayed.
 */
async function moveReferenceDate(before: unknown, after: unknown) {
  if (typeof before !== 'string' || typeof after !== 'string' || before === after) return null;
  const shiftDeadlines = await confirm({
    title: `标准时点由 ${before} 改为 ${after}：是否同时顺延工作要点的截止日期？`,
    content: '选“顺延截止日期”，每项截止日期随标准时点移动（月末仍为月末）；选“取消”，只改标准时点，截止日期不变。',
    okText: '顺延截止日期',
  });
  const r = await call('office.moveReferenceDate', { referenceDate: after, shiftDeadlines });
  if (r.ok && r.data.milestonesMoved > 0) toast.info(`已顺延 ${r.data.milestonesMoved} 项工作要点的截止日期`);
  return r;
}

export function OfficeTab() {
  const office = useSession((s) => s.office);
  const admin = isAdmin(useSession((s) => s.operator));
  const initial = office
    ? Object.fromEntries(OFFICE_FIELDS.map((k) => [k, (office as Record<string, unknown>)[k] ?? null]))
    : OFFICE_DEFAULTS;
  return (
    <div style={{ maxWidth: 980 }} data-testid="office-tab">
      {!admin && <Alert type="info" showIcon title="只有管理员可以修改单位信息。" style={{ marginBottom: 12 }} />}
      <InlineForm
        spec={officeFormFor(levelOf(office))}
        initial={initial}
        idPrefix="office"
        editable={admin}
        submit={async (data) => {
          const moved = await moveReferenceDate(office?.referenceDate, data.referenceDate);
          if (moved && !moved.ok) return moved;
          return call('office.save', { ...data, ...withCityFields(data) } as InputOf<'office.save'>);
        }}
        onSaved={() => void useSession.getState().refreshOffice()}
      />
    </div>
  );
}
