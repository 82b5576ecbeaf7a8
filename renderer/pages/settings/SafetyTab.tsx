// 安全设置: 数据加密 (EncryptionCard), the backup folder of this computer, the idle lock, and whether
// 录入员 may see sensitive numbers in full. Everyone may read them; only 管理员 changes them (the
// backend refuses others).
// Checked with the API's own schema before saving; each message sits at its field.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Space, Spin, Switch } from 'antd';
import { safetySettingsSave } from '../../../core/schemas/backups';
import type { InputOf, OutputOf } from '../../../core/api';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { isAdmin, useSession } from '../../stores/session';
import { EncryptionCard } from '../encryption/EncryptionCard';

type Settings = OutputOf<'safety.settings'>;
type Field = 'backupFolder' | 'idleLockMinutes' | 'revealRoles';
interface Draft {
  folder: string;
  minutes: number | null;
  clerkMayReveal: boolean;
}

const draftOf = (s: Settings): Draft => ({
  folder: s.backupFolder,
  minutes: s.idleLockMinutes,
  clerkMayReveal: s.revealRoles.includes('录入员'),
});

/** Only what changed; an emptied folder (or the default one) means "back to the default". */
function changes(s: Settings, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = { revealRoles: d.clerkMayReveal ? ['管理员', '录入员'] : ['管理员'] };
  if (d.minutes !== s.idleLockMinutes) out.idleLockMinutes = d.minutes;
  const folder = d.folder.trim();
  if (folder !== s.backupFolder) out.backupFolder = folder === '' || folder === s.defaultBackupFolder ? null : folder;
  return out;
}

export function SafetyTab() {
  const { data, error, reload } = useRead('safety.settings', {});
  const admin = isAdmin(useSession((s) => s.operator));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(data ? draftOf(data) : null), [data]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data || !draft) return <Spin />;
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const at = (field: Field) => ({
    validateStatus: issues[field] ? ('error' as const) : undefined,
    help: issues[field],
  });

  const save = async () => {
    const input = changes(data, draft);
    const checked = safetySettingsSave.safeParse(input);
    const found: Partial<Record<Field, string>> = {};
    if (!checked.success) for (const i of checked.error.issues) found[i.path[0] as Field] ??= i.message;
    setIssues(found);
    if (!checked.success) return;
    setSaving(true);
    const r = await call('safety.saveSettings', input as InputOf<'safety.saveSettings'>);
    setSaving(false);
    if (!r.ok) {
      const fromServer: Partial<Record<Field, string>> = {};
      for (const i of r.error.issues) fromServer[i.path.split('.')[0] as Field] ??= i.message;
      setIssues(fromServer);
      if (!r.error.issues.length) toast.error(r.error.message);
      return;
    }
    useSession.getState().setSafety(r.data);
    toast.success('已保存安全设置');
    reload();
  };

  return (
    <div style={{ maxWidth: 760 }} data-testid="safety-tab">
      <EncryptionCard />
      {!admin && <Alert type="info" showIcon title="只有管理员可以修改安全设置。" style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div" disabled={!admin}>
        <div data-field="backupFolder">
          <Form.Item
            label="备份文件夹"
            htmlFor="safety-backupFolder"
            {...at('backupFolder')}
            extra={`默认：${data.defaultBackupFolder}（数据文件夹旁边，数据文件夹损坏时备份仍在）。只对这台电脑有效。`}
          >
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="safety-backupFolder"
                className="mono"
                value={draft.folder}
                placeholder={data.defaultBackupFolder}
                onChange={(e) => edit({ folder: e.target.value })}
              />
              <Button onClick={() => edit({ folder: data.defaultBackupFolder })}>恢复默认</Button>
            </Space.Compact>
          </Form.Item>
        </div>
        <div data-field="idleLockMinutes">
          <Form.Item
            label="闲置锁定时间（分钟）"
            htmlFor="safety-idleLockMinutes"
            {...at('idleLockMinutes')}
            extra="超过这段时间没有操作，需重新登录；0 表示不自动锁定。"
          >
            <InputNumber
              id="safety-idleLockMinutes"
              min={0}
              max={480}
              precision={0}
              value={draft.minutes}
              onChange={(v) => edit({ minutes: v })}
              style={{ width: 160 }}
            />
          </Form.Item>
        </div>
        <div data-field="revealRoles">
          <Form.Item
            label="录入员可查看完整的公民身份号码和银行卡号"
            {...at('revealRoles')}
            extra="管理员始终可以查看；只读操作员不能查看。每次查看都记入操作日志。"
          >
            <Switch
              checked={draft.clerkMayReveal}
              onChange={(v) => edit({ clerkMayReveal: v })}
              checkedChildren="允许"
              unCheckedChildren="不允许"
              data-testid="safety-clerkReveal"
            />
          </Form.Item>
        </div>
      </Form>
      {admin && (
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="safety-save">
            保存
          </Button>
          <Button
            onClick={() => {
              setDraft(draftOf(data));
              setIssues({});
            }}
          >
            撤销修改
          </Button>
        </Space>
      )}
    </div>
  );
}
