// A form in a side drawer: 保存 (Ctrl+S), 保存并新增 (Ctrl+Enter) when the form offers it, and 取消
// (Esc); closing with changes asks first. The first field has the focus as soon as the drawer is
// on screen (not after its animation), so what the clerk types right after 新增 lands in it.
import { useEffect, useId, type ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { confirmDiscard, setFormDirty } from '../app/leaveGuard';
import { formFieldKeys, useFirstFieldFocus, useFormShortcuts } from './formKeys';

interface Props {
  open: boolean;
  title: string;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  /** Saves and starts the next record in the same drawer (repeated entry). */
  onSaveAndNew?: () => void;
  /** Changes for each new record entered in the same drawer: the fields start afresh, focus first. */
  entry?: number;
  onClose: () => void;
  children: ReactNode;
  width?: number;
  saveText?: string;
}

export function FormDrawer({
  open,
  title,
  dirty,
  saving,
  onSave,
  onSaveAndNew,
  entry,
  onClose,
  children,
  width = 720,
  saveText = '保存',
}: Props) {
  const id = useId();
  // The drawer's own autofocus (on its panel) is off, so nothing takes the first field's focus away.
  const { body, bodyRef, afterOpenChange } = useFirstFieldFocus();
  useEffect(() => {
    setFormDirty(id, open && dirty);
    return () => setFormDirty(id, false);
  }, [id, open, dirty]);

  const requestClose = () => {
    void confirmDiscard(id).then((ok) => ok && onClose());
  };
  useFormShortcuts(
    open,
    () => !saving && onSave(),
    requestClose,
    () => body.current,
    onSaveAndNew && (() => !saving && onSaveAndNew()),
  );

  return (
    <Drawer
      open={open}
      title={title}
      size={width}
      keyboard={false}
      autoFocus={false}
      destroyOnHidden
      onClose={requestClose}
      afterOpenChange={afterOpenChange}
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={onSave} data-testid="form-save">
            {saveText}（Ctrl+S）
          </Button>
          {onSaveAndNew && (
            <Button loading={saving} onClick={onSaveAndNew} data-testid="form-save-new">
              保存并新增（Ctrl+Enter）
            </Button>
          )}
          <Button onClick={requestClose}>取消（Esc）</Button>
        </Space>
      }
    >
      <div key={entry} ref={bodyRef} {...formFieldKeys(onSave)} data-testid="form-drawer">
        {children}
      </div>
    </Drawer>
  );
}
