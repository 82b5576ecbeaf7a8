// 下级单位 (a city or province office): the counties or cities it receives reports from, edited as
// a table and saved whole; 从区划库填入 takes them from the division dataset (unit.suggest).
import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { call, fetchData } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { isAdmin, useSession } from '../../stores/session';
import { UnitsEditor, unitErrors, type UnitDraft } from './UnitsEditor';

export function UnitsTab() {
  const admin = isAdmin(useSession((s) => s.operator));
  const saved = useRead('unit.list', { pageSize: 1000 });
  const [units, setUnits] = useState<UnitDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const baseline = JSON.stringify(saved.data?.rows.map((u) => ({ code: u.code, name: u.name })) ?? []);
  useEffect(() => setUnits(JSON.parse(baseline) as UnitDraft[]), [baseline]);
  const dirty = JSON.stringify(units) !== baseline;
  const kind = saved.data?.kind || '单位';

  const save = async () => {
    setSaving(true);
    const r = await call('unit.save', { units });
    setSaving(false);
    if (!r.ok) {
      setErrors(unitErrors(r.error.issues));
      setMessage(r.error.message);
      return;
    }
    setErrors({});
    setMessage(null);
    toast.success('已保存');
    saved.reload();
  };

  if (saved.error) return <Alert type="error" showIcon title={saved.error} />;
  return (
    <div style={{ maxWidth: 760 }} data-testid="units-tab">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`向本单位报送月报的${kind}。收取报表时只接收名单内${kind}的报表；已收取过报表的${kind}不能删除。${admin ? '' : '只有管理员可以修改。'}`}
      />
      {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} />}
      <UnitsEditor
        kind={kind}
        units={units}
        onChange={(u) => {
          setUnits(u);
          setErrors({});
        }}
        errors={errors}
        editable={admin}
        suggest={() => fetchData('unit.suggest', {})}
        idPrefix="settings"
      />
      {admin && (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={saving}
            disabled={!dirty}
            onClick={() => void save()}
            data-testid="units-save"
          >
            保存名单
          </Button>
          <Button disabled={!dirty} onClick={() => setUnits(JSON.parse(baseline) as UnitDraft[])}>
            撤销修改
          </Button>
        </Space>
      )}
    </div>
  );
}
