import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { sessionLogin } from '../../../core/schemas/system';
import { useSession } from '../../stores/session';
import { SchemaFields } from '../../forms/SchemaFields';
import { fieldNames, type FormSpec } from '../../forms/fieldSpec';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { formFieldKeys } from '../../forms/formKeys';

const loginForm: FormSpec = {
  schema: sessionLogin,
  items: [
    { name: 'name', span: 24 },
    { name: 'password', span: 24, widget: 'password' },
  ],
};

export function LoginPage() {
  const form = useSchemaForm(loginForm.schema, fieldNames(loginForm), {});
  const [busy, setBusy] = useState(false);
  const notice = useSession((s) => s.notice);

  const login = async () => {
    const v = form.validate();
    if (!v.ok) return;
    setBusy(true);
    const error = await useSession.getState().login(String(v.data.name), String(v.data.password));
    setBusy(false);
    if (error) form.applyServerError(error);
  };

  return (
    <div className="setup-screen">
      <Card className="login-card" title="普查办工作台 · 登录" data-testid="login">
        {notice && (
          <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />
        )}
        <div {...formFieldKeys(() => void login())}>
          <SchemaFields spec={loginForm} form={form} idPrefix="login" />
        </div>
        <Button type="primary" block loading={busy} onClick={() => void login()} data-testid="login-submit">
          登录
        </Button>
      </Card>
    </div>
  );
}
