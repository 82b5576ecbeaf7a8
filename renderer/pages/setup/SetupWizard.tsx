// First run on a new data file: 单位信息, then the first 管理员, then into the workbench — or the
// data package from the old PC instead (RestoreFromPackage). The demo county is a start-up option
// of the server, so the wizard only says how to open it.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Steps } from 'antd';
import { setupInit } from '../../../core/schemas/system';
import { useSession } from '../../stores/session';
import { SchemaFields } from '../../forms/SchemaFields';
import { fieldNames, type FormSpec } from '../../forms/fieldSpec';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { enterToNextField, useFormShortcuts } from '../../forms/formKeys';
import { OFFICE_DEFAULTS, officeForm } from '../settings/officeForm';
import { DemoHint } from './DemoHint';
import { RestoreFromPackage } from './RestoreFromPackage';
import type { InputOf } from '../../../core/api';

const adminForm: FormSpec = {
  schema: setupInit.shape.admin,
  items: [
    { name: 'name', span: 24, placeholder: '如 admin 或 您的姓名' },
    {
      name: 'password',
      span: 24,
      widget: 'password',
      help: '至少8位，不能全是数字，不能与用户名相同；请妥善保管，忘记后需由其他管理员重设',
    },
  ],
};

export function SetupWizard() {
  const [step, setStep] = useState(0);
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const office = useSchemaForm(officeForm.schema, fieldNames(officeForm), OFFICE_DEFAULTS);
  const admin = useSchemaForm(adminForm.schema, fieldNames(adminForm), {});

  const finish = async () => {
    const a = admin.validate();
    const mismatch = confirm !== (admin.values.password ?? '') ? '两次输入的密码不一致' : null;
    setConfirmError(mismatch);
    const o = office.validate();
    if (!o.ok) return setStep(0);
    if (!a.ok || mismatch) return;
    setSaving(true);
    const error = await useSession.getState().setup({ office: o.data, admin: a.data } as InputOf<'setup.init'>);
    setSaving(false);
    if (!error) return;
    if (error.issues.some((i) => i.path.startsWith('office.'))) {
      office.applyServerError(error, 'office.');
      setStep(0);
    } else admin.applyServerError(error, 'admin.');
  };

  const next = () => {
    if (step === 0 && office.validate().ok) setStep(1);
    else if (step === 1) void finish();
  };
  useFormShortcuts(true, next);

  return (
    <div className="setup-screen">
      <Card className="setup-card" title="普查办工作台 · 首次使用" data-testid="setup-wizard">
        <Steps current={step} items={[{ title: '单位信息' }, { title: '管理员' }]} style={{ marginBottom: 24 }} />
        <div onKeyDown={enterToNextField(next)}>
          {step === 0 && (
            <>
              <Alert
                type="info"
                showIcon
                title="请按市（州）下发的资料填写本单位信息，报表的表头、表尾和文件名都从这里取。"
                style={{ marginBottom: 16 }}
              />
              <SchemaFields spec={officeForm} form={office} idPrefix="setup-office" />
            </>
          )}
          {step === 1 && (
            <>
              <Alert
                type="info"
                showIcon
                title="管理员可以维护操作员、单位信息和全部数据。录入员和只读操作员在进入后由管理员添加。"
                style={{ marginBottom: 16 }}
              />
              <SchemaFields spec={adminForm} form={admin} idPrefix="setup-admin" />
              <Form layout="vertical" component="div">
                <div data-field="passwordConfirm">
                  <Form.Item
                    label="再次输入密码"
                    htmlFor="setup-admin-confirm"
                    required
                    validateStatus={confirmError ? 'error' : undefined}
                    help={confirmError}
                  >
                    <Input.Password
                      id="setup-admin-confirm"
                      autoComplete="new-password"
                      value={confirm}
                      onChange={(e) => setConfirm(e.target.value)}
                    />
                  </Form.Item>
                </div>
              </Form>
            </>
          )}
        </div>
        <Space style={{ marginTop: 8 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
          <Button type="primary" loading={saving} onClick={next} data-testid="setup-next">
            {step === 0 ? '下一步' : '完成并进入工作台'}
          </Button>
        </Space>
        {step === 0 && <RestoreFromPackage />}
        <DemoHint />
      </Card>
    </div>
  );
}
