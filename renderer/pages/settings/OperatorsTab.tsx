// 操作员: who may log in and with which role (管理员 / 录入员 / 只读); the backend enforces roles.
import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { Pill } from '../../format/Pill';
import { operatorCreate, operatorSetPassword, operatorUpdate } from '../../../core/schemas/system';
import { OPERATOR_ROLES } from '../../../core/enums';
import { call } from '../../api/call';
import type { OperatorRecord } from '../../api/types';
import { operatorList } from '../../stores/lists';
import { isAdmin, useSession } from '../../stores/session';
import type { Column } from '../../lists/columns';
import { RoutedList } from '../../lists/EntityList';
import { FormModal } from '../../forms/FormModal';
import type { FormSpec } from '../../forms/fieldSpec';
import { StatusTag } from '../../format/StatusTag';
import { localTime } from '../../format/display';
import type { InputOf } from '../../../core/api';

const createForm: FormSpec = {
  schema: operatorCreate,
  items: [
    { name: 'name', span: 12 },
    { name: 'role', span: 12, options: OPERATOR_ROLES },
    { name: 'password', span: 12, widget: 'password', help: '至少8位，不能全是数字，不能与用户名相同' },
    { name: 'active', span: 12 },
  ],
};
const editForm: FormSpec = {
  schema: operatorUpdate.omit({ id: true }),
  items: [
    { name: 'name', span: 12 },
    { name: 'role', span: 12, options: OPERATOR_ROLES },
    { name: 'active', span: 12 },
  ],
};
const passwordForm: FormSpec = {
  schema: operatorSetPassword.omit({ id: true }),
  items: [{ name: 'password', span: 24, widget: 'password' }],
};

export function OperatorsTab() {
  const admin = isAdmin(useSession((s) => s.operator));
  const [editing, setEditing] = useState<OperatorRecord | null>(null);
  const [resetting, setResetting] = useState<OperatorRecord | null>(null);
  if (!admin) return <Alert type="info" showIcon title="只有管理员可以管理操作员。" />;

  const columns: Column<OperatorRecord>[] = [
    { key: 'name', title: '用户名', width: 160, sortField: 'name', render: (o) => o.name },
    { key: 'role', title: '角色', width: 100, sortField: 'role', render: (o) => <StatusTag value={o.role} /> },
    {
      key: 'active',
      title: '状态',
      width: 90,
      render: (o) => (o.active ? <Pill color="green">启用</Pill> : <Pill>停用</Pill>),
    },
    { key: 'last', title: '最近登录', width: 170, render: (o) => localTime(o.lastLoginAt) },
    {
      key: 'actions',
      title: '操作',
      width: 200,
      render: (o) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="small" onClick={() => setEditing(o)}>
            修改
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(o)}>
            重设密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <RoutedList
        store={operatorList}
        columns={columns}
        testId="operator-list"
        unit="人"
        noun="操作员"
        howToAdd="点击“新增操作员”。"
        searchPlaceholder="用户名"
        form={{
          entity: 'operator',
          label: '操作员',
          spec: createForm,
          width: 600,
          defaults: { role: '录入员', active: true },
        }}
        onOpen={(o) => setEditing(o)}
      />
      <FormModal
        idPrefix="operator-edit"
        open={editing !== null}
        title={`修改操作员：${editing?.name ?? ''}`}
        spec={editForm}
        initial={{ name: editing?.name, role: editing?.role, active: editing?.active }}
        successText="已保存操作员"
        submit={(d) => call('operator.update', { ...d, id: editing!.id } as InputOf<'operator.update'>)}
        onClose={() => setEditing(null)}
      />
      <FormModal
        idPrefix="operator-password"
        open={resetting !== null}
        title={`重设密码：${resetting?.name ?? ''}`}
        spec={passwordForm}
        initial={{}}
        okText="重设"
        successText="已重设密码，该操作员需用新密码重新登录"
        submit={(d) => call('operator.setPassword', { ...(d as { password: string }), id: resetting!.id })}
        onClose={() => setResetting(null)}
      />
    </>
  );
}
