// First run on a new data file: 单位信息 (a 县（区）, 市 or 省 普查办), a city or province office's
// units (pre-filled from the division dataset) or a county's townships, villages and work plan
// (TownsStep), then the first 管理员 (setup.init), then 保存恢复码 (the data file encrypted under a
// code the clerk prints and types back, RecoveryCodeStep), then into the workbench —
// or the data package from the old PC instead (RestoreFromPackage). The demo county is a start-up
// option of the server, so the wizard only says how to open it.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Steps } from 'antd';
import { setupInit } from '../../../core/schemas/system';
import { useSession } from '../../stores/session';
import { SchemaFields } from '../../forms/SchemaFields';
import { fieldNames, type FormSpec } from '../../forms/fieldSpec';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { formFieldKeys, useFormShortcuts } from '../../forms/formKeys';
import { OFFICE_DEFAULTS, OFFICE_FIELDS, officeFormFor, withCityFields } from '../settings/officeForm';
import { UnitsEditor, unitErrors, type UnitDraft } from '../settings/UnitsEditor';
import { levelOf } from '../../app/resolveScreen';
import { UNIT_KIND_LABELS } from '../../../core/officeLevels';
import { unitIssues } from '../../../core/schemas/units';
import { normalizeCode, normalizeText } from '../../../core/text';
import { toast } from '../../app/feedback';
import { RecoveryCodeStep } from '../encryption/RecoveryCodeStep';
import { DemoHint } from './DemoHint';
import { RestoreFromPackage } from './RestoreFromPackage';
import { INITIAL_TOWNS, TownsStep, keptTownships, loadTowns, type TownsState } from './TownsStep';
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

/** The dataset is loaded when first asked for (it is 100 KB the county never needs). */
const loadDivisions = () => import('../../../core/divisions');

export function SetupWizard() {
  const [step, setStep] = useState(0);
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [units, setUnits] = useState<UnitDraft[]>([]);
  const [unitsFor, setUnitsFor] = useState<string | null>(null);
  const [unitsError, setUnitsError] = useState<Record<string, string>>({});
  const [towns, setTowns] = useState<TownsState>(INITIAL_TOWNS);
  const [townsError, setTownsError] = useState<string | null>(null);
  const office = useSchemaForm(officeFormFor('县').schema, OFFICE_FIELDS, OFFICE_DEFAULTS);
  const admin = useSchemaForm(adminForm.schema, fieldNames(adminForm), {});
  const level = levelOf(office.values as { level?: unknown });
  const receiving = level !== '县';
  const kind = UNIT_KIND_LABELS[level];
  const officeSpec = officeFormFor(level, true);
  // A county office reviews its townships and villages and picks its work plan (TownsStep).
  const steps = receiving
    ? ['单位信息', `下级${kind}`, '管理员', '保存恢复码']
    : ['单位信息', '乡镇与村', '管理员', '保存恢复码'];
  const adminStep = steps.length - 2;
  // Reached once setup.init has succeeded: the office exists, so there is no way back.
  const recoveryStep = steps.length - 1;

  // A city office's own name and code are its city's; a province office has no city.
  const { setValue } = office;
  const derived = withCityFields(office.values);
  useEffect(() => {
    if (derived) for (const [k, v] of Object.entries(derived)) setValue(k, v);
  }, [derived, setValue]);

  // The dataset names the code typed (区划库：南充市) and fills the name when none is typed yet.
  const typedCode = normalizeCode(String(office.values.countyCode ?? ''));
  const [known, setKnown] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!/^\d{6}$/.test(typedCode)) return setKnown(null);
    void loadDivisions().then(({ divisionName }) => {
      if (!live) return;
      const name = divisionName(typedCode);
      setKnown(name);
      if (name && !String(office.values.countyName ?? '').trim()) setValue('countyName', name);
    });
    return () => {
      live = false;
    };
    // Only a new code asks the dataset; the name typed meanwhile is read when it answers.
  }, [typedCode, setValue]);

  const suggest = async () => {
    const { suggestUnits, DIVISIONS_SOURCE } = await loadDivisions();
    return {
      units: suggestUnits(level, normalizeCode(String(office.values.countyCode ?? ''))),
      source: DIVISIONS_SOURCE,
    };
  };
  // Entering the units step for a new code pre-fills the list from the dataset.
  const enterUnits = async () => {
    const key = `${level}:${normalizeCode(String(office.values.countyCode ?? ''))}`;
    if (unitsFor !== key) {
      setUnits((await suggest()).units);
      setUnitsFor(key);
      setUnitsError({});
    }
    setStep(1);
  };
  // Entering the county's step for a new code loads its townships and villages, all ticked.
  const enterTowns = async () => {
    const county = normalizeCode(String(office.values.countyCode ?? ''));
    if (towns.county !== county) setTowns(await loadTowns(county, towns.workPlan));
    setTownsError(null);
    setStep(1);
  };
  const cleanUnits = () => units.map((u) => ({ code: normalizeCode(u.code), name: normalizeText(u.name) }));
  const checkUnits = () => {
    const issues = unitIssues(level, normalizeCode(String(office.values.countyCode ?? '')), cleanUnits());
    setUnitsError(unitErrors(issues));
    return issues.length === 0;
  };

  const finish = async () => {
    const a = admin.validate();
    const mismatch = confirm !== (admin.values.password ?? '') ? '两次输入的密码不一致' : null;
    setConfirmError(mismatch);
    const o = office.validate();
    if (!o.ok) return setStep(0);
    if (receiving && !checkUnits()) return setStep(1);
    if (!a.ok || mismatch) return;
    setSaving(true);
    const error = await useSession.getState().setup({
      office: o.data,
      admin: a.data,
      ...(receiving ? { units: cleanUnits() } : { townships: keptTownships(towns), workPlan: towns.workPlan }),
    } as InputOf<'setup.init'>);
    setSaving(false);
    if (!error) return setStep(recoveryStep);
    if (error.issues.some((i) => i.path.startsWith('office.'))) {
      office.applyServerError(error, 'office.');
      setStep(0);
    } else if (error.issues.some((i) => i.path.startsWith('townships'))) {
      setTownsError(error.message);
      setStep(1);
    } else if (error.issues.some((i) => i.path.startsWith('units.'))) {
      setUnitsError(unitErrors(error.issues));
      setStep(1);
    } else admin.applyServerError(error, 'admin.');
  };

  const next = () => {
    if (step === recoveryStep) return; // the step has its own buttons
    if (step === 0 && office.validate().ok) {
      if (receiving) void enterUnits();
      else void enterTowns();
    } else if (receiving && step === 1) {
      if (checkUnits()) setStep(adminStep);
    } else if (step === 1) {
      setStep(adminStep);
    } else if (step === adminStep) void finish();
  };
  useFormShortcuts(true, next);

  return (
    <div className="setup-screen">
      <Card className="setup-card" title="普查办工作台 · 首次使用" data-testid="setup-wizard">
        <Steps current={step} items={steps.map((title) => ({ title }))} style={{ marginBottom: 24 }} />
        <div {...formFieldKeys(next)}>
          {step === 0 && (
            <>
              <Alert
                type="info"
                showIcon
                title={
                  receiving
                    ? '请填写本单位信息：汇总报表的表头、表尾和文件名都从这里取。'
                    : '请按市（州）下发的资料填写本单位信息，报表的表头、表尾和文件名都从这里取。'
                }
                style={{ marginBottom: 16 }}
              />
              <SchemaFields
                spec={officeSpec}
                form={office}
                idPrefix="setup-office"
                hints={known ? { countyCode: `区划库：${known}` } : undefined}
              />
            </>
          )}
          {receiving && step === 1 && (
            <>
              <Alert
                type="info"
                showIcon
                title={`向本单位报送月报的${kind}：已按区划库填入，请核对、增删或改名。收取报表时只接收名单内${kind}的报表；以后可在“系统设置 → 下级单位”中修改。`}
                style={{ marginBottom: 16 }}
              />
              <UnitsEditor
                kind={kind}
                units={units}
                onChange={(u) => {
                  setUnits(u);
                  setUnitsError({});
                }}
                errors={unitsError}
                suggest={suggest}
                idPrefix="setup"
              />
            </>
          )}
          {!receiving && step === 1 && (
            <>
              {townsError && <Alert type="error" showIcon title={townsError} style={{ marginBottom: 12 }} />}
              <TownsStep
                state={towns}
                onChange={setTowns}
                referenceDate={String(office.values.referenceDate ?? '2017-12-31')}
              />
            </>
          )}
          {step === adminStep && (
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
        {step === recoveryStep ? (
          <RecoveryCodeStep
            onDone={({ keyId }) => {
              toast.success(`数据文件已加密（密钥标识 ${keyId}）`);
              useSession.getState().enterWorkbench();
            }}
            onSkip={() => useSession.getState().enterWorkbench()}
          />
        ) : (
          <>
            <Space style={{ marginTop: 8 }}>
              {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
              <Button type="primary" loading={saving} onClick={next} data-testid="setup-next">
                下一步
              </Button>
            </Space>
            {step === 0 && <RestoreFromPackage />}
            <DemoHint />
          </>
        )}
      </Card>
    </div>
  );
}
