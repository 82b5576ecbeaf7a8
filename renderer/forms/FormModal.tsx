// A short form in a dialog (离岗, 付款, 入账, 重设密码): same keys and guards as the drawer forms.
import { useEffect, useId, useState } from 'react';
import { Modal } from 'antd';
import type { Result } from '../../core/api';
import { toast } from '../app/feedback';
import { confirmDiscard, setFormDirty } from '../app/leaveGuard';
import { SchemaFields } from './SchemaFields';
import { formFieldKeys, useFirstFieldFocus, useFormShortcuts } from './formKeys';
import { fieldNames, type FormSpec } from './fieldSpec';
import { useSchemaForm, type Values } from './useSchemaForm';

interface Props {
  open: boolean;
  title: string;
  spec: FormSpec;
  initial: Values;
  okText?: string;
  /** What the form's values become: the call to make. */
  submit: (data: Values) => Promise<Result<unknown>>;
  successText: string;
  onClose: () => void;
  onDone?: (data: unknown) => void;
  width?: number;
  /** Field ids are `<idPrefix>-<field>`. */
  idPrefix: string;
}

export function FormModal({
  open,
  title,
  spec,
  initial,
  okText = '保存',
  submit,
  successText,
  onClose,
  onDone,
  width = 640,
  idPrefix,
}: Props) {
  const id = useId();
  const { body, bodyRef, afterOpenChange } = useFirstFieldFocus();
  const form = useSchemaForm(spec.schema, fieldNames(spec), initial);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.reset(initial);
  }, [open]);
  useEffect(() => {
    setFormDirty(id, open && form.dirty);
    return () => setFormDirty(id, false);
  }, [id, open, form.dirty]);

  const save = async () => {
    const v = form.validate();
    if (!v.ok || saving) return;
    setSaving(true);
    const r = await submit(v.data);
    setSaving(false);
    if (!r.ok) return form.applyServerError(r.error);
    toast.success(successText);
    form.reset(form.values);
    onDone?.(r.data);
    onClose();
  };
  const cancel = () => void confirmDiscard(id).then((ok) => ok && onClose());
  useFormShortcuts(
    open,
    () => void save(),
    cancel,
    () => body.current,
  );

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={`${okText}（Ctrl+S）`}
      cancelText="取消（Esc）"
      confirmLoading={saving}
      keyboard={false}
      destroyOnHidden
      onOk={() => void save()}
      onCancel={cancel}
      afterOpenChange={afterOpenChange}
    >
      <div ref={bodyRef} {...formFieldKeys(() => void save())} data-testid="form-modal">
        <SchemaFields spec={spec} form={form} idPrefix={idPrefix} />
      </div>
    </Modal>
  );
}
