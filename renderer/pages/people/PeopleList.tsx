// 人员管理: the roster, any length, searched as the clerk types; filters by role, township,
// status and training; masked IDs and phones.
import { PERSON_ROLES, PERSON_STATUSES, PLEDGE_STATUSES, TRAINING_STATUSES } from '../../../core/enums';
import { peopleList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { RoutedList } from '../../lists/EntityList';
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { canWrite, useSession } from '../../stores/session';
import { PageHead } from '../PageHead';
import { Deferred } from '../../lists/Deferred';
import { peopleColumns } from './peopleColumns';
import { personForm } from './personForm';
import { PeopleBatchBar, usePeopleSelection } from './PeopleBatch';

export function PeopleList() {
  const writer = canWrite(useSession((s) => s.operator));
  const batch = usePeopleSelection();
  return (
    <div className="page">
      <PageHead
        title="人员管理"
        extra={
          writer && (
            <>
              <PeopleBatchBar selected={batch.selected} setSelected={batch.setSelected} />
              <Button
                icon={<ImportOutlined />}
                onClick={() => void navigate(href('/people/import'))}
                data-testid="people-import"
              >
                导入
              </Button>
            </>
          )
        }
      />
      {/* The click that opens the roster renders its head; the list comes a task later (lists/Deferred.tsx). */}
      <Deferred>
        <RoutedList
          store={peopleList}
          columns={writer ? batch.withTicks(peopleColumns) : peopleColumns}
          testId="people-list"
          unit="人"
          noun="人员"
          howToAdd="点击右上角“新增人员”逐个录入普查员、普查指导员和联络员。"
          searchPlaceholder="姓名、人员编号或身份号码"
          filterFields={[
            { key: 'role', label: '人员类别', options: PERSON_ROLES },
            { key: 'townshipId', label: '乡镇（街道）', source: 'township' },
            { key: 'status', label: '在岗状态', options: PERSON_STATUSES },
            { key: 'trainingStatus', label: '培训状态', options: TRAINING_STATUSES },
            { key: 'pledgeStatus', label: '保密承诺书', options: PLEDGE_STATUSES },
          ]}
          form={{ entity: 'person', label: '人员', spec: personForm, width: 880, defaults: { roles: [] } }}
          onOpen={(p) => void navigate(href(`/people/${p.id}`))}
        />
      </Deferred>
    </div>
  );
}
