// A form on a page rather than in a drawer (单位信息, 报表文字): 保存 with Ctrl+S, 撤销修改 with
// Esc, and the same guard against leaving with unsaved changes.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Space } from 'antd';
import type { Result } from '../../../core/api';
import { toast } from '../../app/feedback';
import { confirmDiscard, setFormDirty } from '../../app/leaveGuard';
import { SchemaFields } from '../../forms/SchemaFields';
import { formFieldKeys, useFormShortcuts } from '../../forms/formKeys';
import { fieldNames, type FormSpec } from '../../forms/fieldSpec';
import { useSchemaForm, type Values } from '../../forms/useSchemaForm';

interface Props {
  spec: FormSpec;
  initial: Values;
  idPrefix: string;
  editable: boolean;
  submit: (data: Values) => Promise<Result<unknown>>;
  onSaved?: () => void;
  /** Only one inline form on screen takes the keyboard shortcuts. */
  shortcuts?: boolean;
}

export function InlineForm({ spec, initial, idPrefix, editable, submit, onSaved, shortcuts = true }: Props) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const form = useSchemaForm(spec.schema, fieldNames(spec), initial);
  const [saving, setSaving] = useState(false);
  const initialKey = JSON.stringify(initial);
  useEffect(() => form.reset(JSON.parse(initialKey) as Values), [initialKey]);
  useEffect(() => {
    setFormDirty(id, form.dirty);
    return () => setFormDirty(id, false);
  }, [id, form.dirty]);

  const save = async () => {
    const v = form.validate();
    if (!v.ok || saving || !editable) return;
    setSaving(true);
    const r = await submit(v.data);
    setSaving(false);
    if (!r.ok) return form.applyServerError(r.error);
    toast.success('已保存');
    form.reset(form.values);
    onSaved?.();
  };
  const undo = () => void confirmDiscard(id).then((ok) => ok && form.reset(JSON.parse(initialKey) as Values));
  useFormShortcuts(
    shortcuts && editable,
    () => void save(),
    undo,
    () => root.current,
  );

  return (
    <div ref={root} {...formFieldKeys(() => void save())}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <SchemaFields spec={spec} form={form} idPrefix={idPrefix} />
      </fieldset>
      {editable && (
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid={`${idPrefix}-save`}>
            保存（Ctrl+S）
          </Button>
          <Button disabled={!form.dirty} onClick={undo}>
            撤销修改（Esc）
          </Button>
        </Space>
      )}
    </div>
  );
}
