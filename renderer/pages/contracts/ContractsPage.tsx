// 第三方机构与合同: contracts (with their nodes, payments and acceptance) and the agencies; both
// import from Excel (#/contracts/import/contract, #/contracts/import/agency).
import { CONTRACT_STATUSES, SERVICE_KINDS } from '../../../core/enums';
import { agencyList, contractList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { agencyColumns, contractColumns } from './contractColumns';
import { agencyForm, contractForm } from './contractForms';
import { ImportButton } from '../imports/ImportButton';

/** The contracts and agencies lists; records and imports open as their own screens (app/screens.tsx). */
export function ContractsPage() {
  return (
    <TabbedPage
      title="第三方机构与合同"
      tabs={[
        {
          key: 'contracts',
          label: '合同',
          render: () => (
            <RoutedList
              store={contractList}
              columns={contractColumns}
              testId="contract-list"
              unit="份"
              noun="合同"
              howToAdd="先在“第三方机构”中录入机构，再点击“新增合同”。"
              searchPlaceholder="合同名称、编号或机构"
              filterFields={[
                { key: 'agencyId', label: '第三方机构', source: 'agency' },
                { key: 'status', label: '合同状态', options: CONTRACT_STATUSES },
                { key: 'serviceKind', label: '服务内容', options: SERVICE_KINDS },
              ]}
              actions={<ImportButton target={{ kind: 'contract' }} />}
              form={{
                entity: 'contract',
                label: '合同',
                spec: contractForm,
                width: 860,
                defaults: { status: '履行中', serviceKinds: [], staffIds: [] },
              }}
              onOpen={(c) => void navigate(href(`/contracts/${c.id}`))}
            />
          ),
        },
        {
          key: 'agencies',
          label: '第三方机构',
          render: () => (
            <RoutedList
              store={agencyList}
              columns={agencyColumns}
              testId="agency-list"
              unit="家"
              noun="第三方机构"
              howToAdd="点击“新增第三方机构”，录入名称和统一社会信用代码。"
              searchPlaceholder="机构名称、联系人或信用代码"
              actions={<ImportButton target={{ kind: 'agency' }} />}
              form={{ entity: 'agency', label: '第三方机构', spec: agencyForm, width: 760 }}
              onOpen={(a) => void navigate(href(`/contracts/agency/${a.id}`))}
            />
          ),
        },
      ]}
    />
  );
}
