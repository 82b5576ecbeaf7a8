// 单位信息: the profile every report's header, footer and file name are taken from. 管理员 only.
import { Alert } from 'antd';
import { call } from '../../api/call';
import { isAdmin, useSession } from '../../stores/session';
import { InlineForm } from './InlineForm';
import { OFFICE_DEFAULTS, officeForm } from './officeForm';
import type { InputOf } from '../../../core/api';

export function OfficeTab() {
  const office = useSession((s) => s.office);
  const admin = isAdmin(useSession((s) => s.operator));
  const initial = office
    ? Object.fromEntries(
        Object.keys(officeForm.schema.shape).map((k) => [k, (office as Record<string, unknown>)[k] ?? null]),
      )
    : OFFICE_DEFAULTS;
  return (
    <div style={{ maxWidth: 980 }} data-testid="office-tab">
      {!admin && <Alert type="info" showIcon title="只有管理员可以修改单位信息。" style={{ marginBottom: 12 }} />}
      <InlineForm
        spec={officeForm}
        initial={initial}
        idPrefix="office"
        editable={admin}
        submit={(data) => call('office.save', data as InputOf<'office.save'>)}
        onSaved={() => void useSession.getState().refreshOffice()}
      />
    </div>
  );
}
