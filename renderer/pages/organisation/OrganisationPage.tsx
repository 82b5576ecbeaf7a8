// 组织与宣传: the 领导小组 and its 成员单位, the publicity log, and the devices and accounts handed to
// people (docs/spec/fieldwork-and-organisation.md). The roster, the log and the devices import from
// Excel (#/organisation/import/groupMember, #/organisation/import/publicity, #/organisation/import/device).
import { DEVICE_KINDS, DEVICE_STATES, GROUP_POSTS, PUBLICITY_KINDS } from '../../../core/organisation';
import { todayIso } from '../../../core/dates';
import { RoutedList } from '../../lists/EntityList';
import { TabbedPage } from '../PageTabs';
import { ImportButton } from '../imports/ImportButton';
import { deviceList, groupMemberList, publicityList } from './stores';
import { deviceColumns, groupMemberColumns, publicityColumns } from './columns';
import { deviceForm, groupMemberForm, publicityForm } from './forms';

const OUT_OPTIONS = [
  { value: true, label: '未归还' },
  { value: false, label: '已归还或已处置' },
];

export function OrganisationPage() {
  return (
    <TabbedPage
      title="组织与宣传"
      tabs={[
        {
          key: 'group',
          label: '领导小组及成员单位',
          render: () => (
            <RoutedList
              store={groupMemberList}
              columns={groupMemberColumns}
              testId="group-member-list"
              unit="人"
              noun="领导小组成员"
              howToAdd="点击“新增领导小组成员”，或从Excel导入成员单位名单。"
              searchPlaceholder="姓名、成员单位或职责"
              filterFields={[{ key: 'groupPost', label: '组内职务', options: GROUP_POSTS }]}
              actions={<ImportButton target={{ kind: 'groupMember' }} />}
              form={{ entity: 'groupMember', label: '领导小组成员', spec: groupMemberForm, width: 760 }}
            />
          ),
        },
        {
          key: 'publicity',
          label: '宣传记录',
          render: () => (
            <RoutedList
              store={publicityList}
              columns={publicityColumns}
              testId="publicity-list"
              unit="条"
              noun="宣传记录"
              howToAdd="每开展一项宣传（报道、广告、横幅、资料、活动），点击“新增宣传记录”登记。"
              searchPlaceholder="标题、渠道或备注"
              filterFields={[{ key: 'kind', label: '宣传形式', options: PUBLICITY_KINDS }]}
              actions={<ImportButton target={{ kind: 'publicity' }} />}
              form={{
                entity: 'publicity',
                label: '宣传记录',
                spec: publicityForm,
                width: 760,
                defaults: { date: todayIso() },
              }}
            />
          ),
        },
        {
          key: 'devices',
          label: '设备与账号',
          render: () => (
            <RoutedList
              store={deviceList}
              columns={deviceColumns}
              testId="device-list"
              unit="件"
              noun="设备与账号"
              howToAdd="发放PAD或系统账号时点击“新增设备与账号”登记领用人；收回时填写归还日期；也可从Excel导入发放登记表。"
              searchPlaceholder="编号、账号或领用人"
              filterFields={[
                { key: 'kind', label: '类别', options: DEVICE_KINDS },
                { key: 'state', label: '状态', options: DEVICE_STATES },
                { key: 'isOut', label: '是否归还', options: OUT_OPTIONS },
              ]}
              actions={<ImportButton target={{ kind: 'device' }} />}
              form={{
                entity: 'device',
                label: '设备与账号',
                spec: deviceForm,
                width: 760,
                defaults: { kind: 'PAD', state: '在用', handedDate: todayIso() },
              }}
            />
          ),
        },
      ]}
    />
  );
}
