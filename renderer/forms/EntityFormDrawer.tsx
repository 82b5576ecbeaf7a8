// Create or edit one record of an entity through `<entity>.create` / `<entity>.update`: the
// schema validates as the clerk types, the backend has the last word, nothing half-saves.
import { useEffect, useMemo, useState } from 'react';
import { callByName } from '../api/call';
import { toast } from '../app/feedback';
import { FormDrawer } from './FormDrawer';
import { SchemaFields } from './SchemaFields';
import { fieldNames, type FormSpec } from './fieldSpec';
import { useSchemaForm, type Values } from './useSchemaForm';
import { MASKED_HINT, maskedKeys, withOptional } from './masked';

interface Props {
  /** API name: `township` → township.create / township.update. */
  entity: string;
  /** Chinese name for the title: 新增乡镇（街道） / 修改乡镇（街道）. */
  label: string;
  spec: FormSpec;
  open: boolean;
  /** The record being edited; absent when creating. */
  record?: Record<string, unknown> | null;
  /** Starting values of a new record (e.g. the township the clerk is looking at). */
  defaults?: Values;
  onClose: () => void;
  onSaved?: (saved: Record<string, unknown>) => void;
  width?: number;
}

const pickFields = (record: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, record[n] ?? null]));

export function EntityFormDrawer({ entity, label, spec, open, record, defaults, onClose, onSaved, width }: Props) {
  const names = fieldNames(spec);
  const initial = () => (record ? pickFields(record, names) : { ...defaults });
  const masked = maskedKeys(record, names);
  const maskedKey = masked.join(',');
  const schema = useMemo(
    () => withOptional(spec.schema, maskedKey ? maskedKey.split(',') : []),
    [spec.schema, maskedKey],
  );
  const form = useSchemaForm(schema, names, initial(), { skip: (n, v) => masked.includes(n) && v === record?.[n] });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.reset(initial());
  }, [open, record]);

  const save = async () => {
    const v = form.validate();
    if (!v.ok) return;
    setSaving(true);
    const r = record
      ? await callByName(`${entity}.update`, { ...v.data, id: record.id })
      : await callByName(`${entity}.create`, v.data);
    setSaving(false);
    if (!r.ok) {
      form.applyServerError(r.error);
      return;
    }
    toast.success(record ? `已保存${label}` : `已新增${label}`);
    form.reset(form.values);
    onSaved?.(r.data as Record<string, unknown>);
    onClose();
  };

  return (
    <FormDrawer
      open={open}
      title={`${record ? '修改' : '新增'}${label}`}
      dirty={form.dirty}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
      width={width}
    >
      <SchemaFields
        spec={{ ...spec, schema }}
        form={form}
        idPrefix={entity}
        hints={Object.fromEntries(masked.map((k) => [k, MASKED_HINT]))}
      />
    </FormDrawer>
  );
}
