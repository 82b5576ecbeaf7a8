// 培训管理: sessions; a session opens with its sign-in and exam grid.
import { HOST_LEVELS, TRAINING_KINDS } from '../../../core/enums';
import { trainingList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { PageHead } from '../PageHead';
import { trainingColumns } from './trainingColumns';
import { trainingForm } from './trainingForms';

export function TrainingPage() {
  return (
    <div className="page">
      <PageHead title="培训管理" />
      <RoutedList
        store={trainingList}
        columns={trainingColumns}
        testId="training-list"
        unit="期"
        noun="培训班"
        howToAdd="点击“新增培训班”，再在培训班页面添加参训人员，录入签到和考核结果。"
        searchPlaceholder="培训班名称、主办单位、地点"
        filterFields={[
          { key: 'kind', label: '培训类型', options: TRAINING_KINDS },
          { key: 'hostLevel', label: '主办层级', options: HOST_LEVELS },
        ]}
        form={{ entity: 'training', label: '培训班', spec: trainingForm, width: 760 }}
        onOpen={(t) => void navigate(href(`/training/${t.id}`))}
      />
    </div>
  );
}
