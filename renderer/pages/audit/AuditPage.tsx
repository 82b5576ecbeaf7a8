// 操作日志: who changed what and when ("谁提供数据谁负责"), filtered by operator, object and date,
// exported as it is filtered (管理员), with a check that the hash chain is unbroken — a deleted or
// edited entry shows.
import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { call } from '../../api/call';
import type { AuditRecord } from '../../api/types';
import { auditList } from '../../stores/lists';
import type { Column } from '../../lists/columns';
import { RoutedList } from '../../lists/EntityList';
import { FilterSelect } from '../../lists/FilterSelect';
import { DateInput } from '../../forms/DateInput';
import { localTime } from '../../format/display';
import { PageHead } from '../PageHead';
import { AuditEntry } from './AuditEntry';
import { actionLabel, entityLabel, objectText } from '../../../core/auditLabels';
import { AuditExportButton } from './AuditExportButton';
import { isAdmin, useSession } from '../../stores/session';

const ENTITY_KEYS = [
  'person',
  'township',
  'village',
  'district',
  'agency',
  'contract',
  'contractNode',
  'acceptance',
  'budgetItem',
  'allocation',
  'expenditure',
  'payRun',
  'training',
  'attendance',
  'archive',
  'milestone',
  'progress_report',
  'surveyFigure',
  'publicity',
  'groupMember',
  'device',
  'qualityCheck',
  'qualitySettings',
  'qualityPeriodSource',
  'problem',
  // A city or province office's own: the files taken in and its list of units.
  'intake',
  'intake_file',
  'unit',
  'office',
  'settings',
  'coverageSettings',
  'operator',
  'backup',
  'package',
  'safety',
  'audit',
];

const columns: Column<AuditRecord>[] = [
  { key: 'id', title: '序号', width: 70, render: (a) => a.id },
  { key: 'at', title: '时间', width: 160, sortField: 'at', render: (a) => localTime(a.at) },
  { key: 'op', title: '操作员', width: 110, render: (a) => a.operatorName },
  { key: 'action', title: '操作', width: 150, render: (a) => actionLabel(a.action) },
  { key: 'entity', title: '对象类别', width: 140, render: (a) => entityLabel(a.entity) },
  // The object by its name (人员 张三, 合同 HT-2018-01), not a bare number the clerk cannot place.
  { key: 'object', title: '对象', width: 220, render: (a) => objectText(a) },
];

type Verdict = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

export function AuditPage() {
  const [entry, setEntry] = useState<AuditRecord | null>(null);
  const [verdict, setVerdict] = useState<Verdict | string | null>(null);
  const admin = isAdmin(useSession((s) => s.operator));
  const verify = async () => {
    const r = await call('audit.verify', {});
    setVerdict(r.ok ? (r.data as Verdict) : r.error.message);
  };
  return (
    <div className="page">
      <PageHead
        title="操作日志"
        extra={
          <>
            {admin && <AuditExportButton />}
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} data-testid="audit-verify">
              校验操作日志
            </Button>
          </>
        }
      />
      {verdict !== null && (
        <Alert
          closable={{ onClose: () => setVerdict(null) }}
          showIcon
          data-testid="audit-verdict"
          type={typeof verdict === 'object' && verdict.ok ? 'success' : 'error'}
          title={
            typeof verdict === 'string'
              ? verdict
              : verdict.ok
                ? `操作日志完整：共 ${verdict.count} 条，逐条校验无误，没有被删改的记录。`
                : `操作日志第 ${verdict.brokenAt} 条与前后记录不符（${verdict.reason}），日志可能被删改，请联系管理员。`
          }
        />
      )}
      <RoutedList
        store={auditList}
        columns={columns}
        testId="audit-list"
        unit="条"
        noun="操作记录"
        howToAdd="每次新增、修改、删除都会在这里留下记录。"
        searchPlaceholder="操作员、操作、对象类别或名称"
        controlled={['operatorName', 'entity', 'from', 'to']}
        filterControls={({ filters, setFilter }) => (
          <>
            <Input
              allowClear
              placeholder="操作员"
              style={{ width: 120 }}
              defaultValue={(filters.operatorName as string) ?? ''}
              onPressEnter={(e) => setFilter('operatorName', e.currentTarget.value.trim() || undefined)}
              onBlur={(e) => {
                const name = e.currentTarget.value.trim() || undefined;
                if (name !== filters.operatorName) setFilter('operatorName', name);
              }}
            />
            <FilterSelect
              label="对象"
              options={ENTITY_KEYS.map((k) => ({ value: k, label: entityLabel(k) }))}
              value={filters.entity}
              onChange={(v) => setFilter('entity', v)}
            />
            <div style={{ width: 140 }}>
              <DateInput
                placeholder="起始日期"
                understood={false}
                value={filters.from as string | undefined}
                onChange={(v, error) => error === undefined && setFilter('from', v ?? undefined)}
              />
            </div>
            <div style={{ width: 140 }}>
              <DateInput
                placeholder="截止日期"
                understood={false}
                value={filters.to as string | undefined}
                onChange={(v, error) => error === undefined && setFilter('to', v ?? undefined)}
              />
            </div>
          </>
        )}
        onOpen={setEntry}
      />
      {entry && <AuditEntry entry={entry} onClose={() => setEntry(null)} />}
    </div>
  );
}
