// 劳务报酬发放: pay runs by period; a run opens with its lines and actions.
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PAY_RUN_STATUSES } from '../../../core/schemas/budgetPayRuns';
import type { PayRunRecord } from '../../api/types';
import { payRunList } from '../../stores/lists';
import { canWrite, useSession } from '../../stores/session';
import { RoutedList } from '../../lists/EntityList';
import { payRunColumns } from './budgetColumns';
import { PayRunForm } from './PayRunForm';
import { PayRunView } from './PayRunView';

export function PayRunsTab() {
  const writer = canWrite(useSession((s) => s.operator));
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<PayRunRecord | null | undefined>(undefined);
  return (
    <>
      <RoutedList
        store={payRunList}
        columns={payRunColumns}
        testId="payrun-list"
        unit="张"
        noun="劳务报酬发放表"
        howToAdd="点击“新增发放表”，选择发放期间、预算科目和人员。"
        searchPlaceholder="发放表名称或期间"
        filterFields={[{ key: 'status', label: '发放状态', options: PAY_RUN_STATUSES }]}
        actions={
          writer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新增发放表
            </Button>
          )
        }
        onOpen={(r) => setViewing(r.id)}
      />
      {viewing !== null && (
        <PayRunView id={viewing} writer={writer} onClose={() => setViewing(null)} onEdit={(run) => setEditing(run)} />
      )}
      <PayRunForm
        open={editing !== undefined}
        run={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          if (viewing !== null) setViewing(null);
        }}
      />
    </>
  );
}
