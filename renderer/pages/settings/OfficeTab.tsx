// 单位信息: the profile every report's header, footer and file name are taken from. 管理员 only.
// The fields are named as the office's level calls them.
import { Alert } from 'antd';
import { call } from '../../api/call';
import { isAdmin, useSession } from '../../stores/session';
import { levelOf } from '../../app/resolveScreen';
import { InlineForm } from './InlineForm';
import { OFFICE_DEFAULTS, OFFICE_FIELDS, officeFormFor, withCityFields } from './officeForm';
import type { InputOf } from '../../../core/api';

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
        submit={(data) => call('office.save', { ...data, ...withCityFields(data) } as InputOf<'office.save'>)}
        onSaved={() => void useSession.getState().refreshOffice()}
      />
    </div>
  );
}
