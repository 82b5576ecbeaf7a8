// Create or edit one record of an entity through `<entity>.create` / `<entity>.update`: the
// schema validates as the clerk types, the backend has the last word, nothing half-saves. A new
// record can be followed by the next with 保存并新增 (Ctrl+Enter) without leaving the drawer.
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
  const fromRecord = spec.fromRecord ?? ((v: Values) => v);
  const initial = () => (record ? fromRecord(pickFields(record, names)) : { ...defaults });
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

  // Counts the records entered one after another with 保存并新增.
  const [entry, setEntry] = useState(0);
  const save = async (andNew = false) => {
    const v = form.validate();
    if (!v.ok || saving) return;
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
    onSaved?.(r.data as Record<string, unknown>);
    if (andNew) {
      // The next record starts from the same defaults, in the same drawer, with the first field focused.
      form.reset(initial());
      setEntry((n) => n + 1);
      return;
    }
    form.reset(form.values);
    onClose();
  };

  return (
    <FormDrawer
      open={open}
      title={`${record ? '修改' : '新增'}${label}`}
      dirty={form.dirty}
      saving={saving}
      onSave={() => void save()}
      onSaveAndNew={record ? undefined : () => void save(true)}
      entry={entry}
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
