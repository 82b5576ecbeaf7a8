// 普查小区与工作量: the 普查小区 code length and the workload limits the dashboard's coverage
// checks hold 普查员 and 普查指导员 to (docs/spec/coverage-and-archive.md). 管理员 only.
import { Alert } from 'antd';
import { coverageSettings } from '../../../core/schemas/coverage';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import type { FormSpec } from '../../forms/fieldSpec';
import { isAdmin, useSession } from '../../stores/session';
import { InlineForm } from './InlineForm';
import type { InputOf } from '../../../core/api';

const spec: FormSpec = {
  schema: coverageSettings,
  items: [
    { section: '普查小区代码' },
    {
      name: 'districtCodeLength',
      span: 8,
      help: '默认15位：12位村（居）代码加3位序号；新增小区时代码留空即按此生成',
    },
    { section: '工作量（留空则不检查）' },
    {
      name: 'maxListingPerEnumerator',
      span: 8,
      help: '所负责普查小区的名录库底册数之和，一个小区有多名普查员时平均分摊',
    },
    { name: 'maxDistrictsPerEnumerator', span: 8 },
    {
      name: 'maxEnumeratorsPerSupervisor',
      span: 8,
      help: '即普查员与普查指导员的比例，如5表示1名指导员至多负责5名在岗普查员',
    },
  ],
};

export function CoverageTab() {
  const admin = isAdmin(useSession((s) => s.operator));
  const { data, reload } = useRead('coverage.settings', {});
  return (
    <div style={{ maxWidth: 980 }} data-testid="coverage-tab">
      {!admin && <Alert type="info" showIcon title="只有管理员可以修改这些设置。" style={{ marginBottom: 12 }} />}
      {data && (
        <InlineForm
          spec={spec}
          initial={data}
          idPrefix="coverage"
          editable={admin}
          submit={(v) => call('coverage.saveSettings', v as InputOf<'coverage.saveSettings'>)}
          onSaved={reload}
        />
      )}
    </div>
  );
}
