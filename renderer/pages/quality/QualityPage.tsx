// 质量与督办: the 质量核查 records (work plan points 5 and 9) and the problem and 督办 ledger (points 8
// and 12); records open as their own pages, the ledger imports from Excel (#/quality/import/problem).
import { PROBLEM_KINDS, PROBLEM_STATUSES } from '../../../core/schemas/problems';
import { QUALITY_STAGES } from '../../../core/schemas/quality';
import { todayIso } from '../../../core/dates';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { ImportButton } from '../imports/ImportButton';
import { problemColumns, qualityCheckColumns } from './qualityColumns';
import { problemForm, qualityCheckForm, ROW_OPTIONS } from './qualityForms';
import { problemList, qualityCheckList } from './stores';
import { ThresholdSetting } from './ThresholdSetting';

const thisMonth = () => todayIso().slice(0, 7);

export function QualityPage() {
  return (
    <TabbedPage
      title="质量与督办"
      tabs={[
        {
          key: 'checks',
          label: '质量核查',
          render: () => (
            <RoutedList
              store={qualityCheckList}
              columns={qualityCheckColumns}
              testId="quality-list"
              unit="次"
              noun="质量核查记录"
              howToAdd="点击“新增质量核查记录”，录入抽查数、发现差错数和已改正数；进度调度表第13、14列可取自这些记录。"
              searchPlaceholder="核查人、范围、类别"
              filterFields={[
                { key: 'stage', label: '核查阶段', options: QUALITY_STAGES },
                { key: 'rowCode', label: '普查对象类别', options: ROW_OPTIONS },
                { key: 'townshipId', label: '乡镇（街道）', source: 'township' },
                { key: 'aboveThreshold', label: '差错率', options: [{ value: true, label: '超过上限' }] },
              ]}
              actions={<ThresholdSetting />}
              form={{
                entity: 'qualityCheck',
                label: '质量核查记录',
                spec: qualityCheckForm,
                width: 820,
                defaults: { period: thisMonth(), stage: '清查', rowCode: '02', correctedCount: 0 },
              }}
              onOpen={(q) => void navigate(href(`/quality/check/${q.id}`))}
            />
          ),
        },
        {
          key: 'problems',
          label: '问题与督办',
          render: () => (
            <RoutedList
              store={problemList}
              columns={problemColumns}
              testId="problem-list"
              unit="条"
              noun="问题与督办事项"
              howToAdd="点击“新增问题与督办事项”登记审核退回、发现的问题、上级通报和督办件，办结后录入办理情况；也可从 Excel 台账导入。"
              searchPlaceholder="编号、涉及对象、内容、来源"
              filterFields={[
                { key: 'kind', label: '类别', options: PROBLEM_KINDS },
                { key: 'status', label: '办理状态', options: PROBLEM_STATUSES },
                { key: 'overdue', label: '是否逾期', options: [{ value: true, label: '已逾期' }] },
              ]}
              actions={<ImportButton target={{ kind: 'problem' }} />}
              form={{
                entity: 'problem',
                label: '问题与督办事项',
                spec: problemForm,
                width: 820,
                defaults: { status: '未办结' },
              }}
              onOpen={(p) => void navigate(href(`/quality/problem/${p.id}`))}
            />
          ),
        },
      ]}
    />
  );
}
