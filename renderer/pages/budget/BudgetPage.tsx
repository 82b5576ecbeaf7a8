// 经费管理: the budget tree with execution, allocations (到位), expenditures (支出) and pay runs;
// budget items import from Excel (#/budget/import).
import { FUNDING_LEVELS } from '../../../core/enums';
import { EXPENDITURE_KINDS } from '../../../core/schemas/budget';
import { allocationList, budgetItemList, expenditureList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { BudgetTree } from './BudgetTree';
import { PayRunsTab } from './PayRunsTab';
import { allocationColumns, budgetItemColumns, expenditureColumns } from './budgetColumns';
import { allocationForm, budgetItemForm, expenditureForm } from './budgetForms';
import type { ExpenditureRecord } from '../../api/types';
import { ImportButton } from '../imports/ImportButton';

/** Contract payments and pay-run totals are changed from their own side, never here. */
function openExpenditure(e: ExpenditureRecord, edit: () => void) {
  if (e.contractId) return void navigate(href(`/contracts/${e.contractId}`));
  if (e.payRunId) return void navigate(href('/budget', { tab: 'payruns' }));
  edit();
}

export function BudgetPage() {
  return (
    <TabbedPage
      title="经费管理"
      tabs={[
        { key: 'tree', label: '预算执行', render: () => <BudgetTree /> },
        {
          key: 'items',
          label: '科目列表',
          render: () => (
            <RoutedList
              store={budgetItemList}
              columns={budgetItemColumns}
              testId="budget-item-list"
              unit="个"
              noun="预算科目"
              howToAdd="在“预算执行”中新增类别和明细科目。"
              searchPlaceholder="科目名称、测算依据或文号"
              actions={<ImportButton target={{ kind: 'budgetItem' }} />}
              filterFields={[{ key: 'fundingLevel', label: '资金来源', options: FUNDING_LEVELS }]}
              form={{ entity: 'budgetItem', label: '预算科目', spec: budgetItemForm, width: 760 }}
            />
          ),
        },
        {
          key: 'allocations',
          label: '经费到位',
          render: () => (
            <RoutedList
              store={allocationList}
              columns={allocationColumns}
              testId="allocation-list"
              unit="笔"
              noun="经费到位记录"
              howToAdd="资金到位后点击“新增经费到位”登记日期、金额和文号。"
              searchPlaceholder="文号、科目或备注"
              filterFields={[{ key: 'source', label: '资金来源', options: FUNDING_LEVELS }]}
              form={{ entity: 'allocation', label: '经费到位', spec: allocationForm }}
            />
          ),
        },
        {
          key: 'expenditures',
          label: '支出',
          render: () => <ExpenditureTab />,
        },
        { key: 'payruns', label: '劳务报酬发放', render: () => <PayRunsTab /> },
      ]}
    />
  );
}

function ExpenditureTab() {
  return (
    <RoutedList
      store={expenditureList}
      columns={expenditureColumns}
      testId="expenditure-list"
      unit="笔"
      noun="支出"
      howToAdd="点击“新增支出”登记；合同付款和劳务报酬在各自页面登记后会自动出现在这里。"
      searchPlaceholder="摘要、收款单位、凭证号"
      filterFields={[{ key: 'kind', label: '支出类型', options: EXPENDITURE_KINDS }]}
      form={{ entity: 'expenditure', label: '支出', spec: expenditureForm }}
      onOpen={openExpenditure}
    />
  );
}
