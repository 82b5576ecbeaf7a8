// A form in a side drawer: 保存 (Ctrl+S) and 取消 (Esc); closing with changes asks first.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { confirmDiscard, setFormDirty } from '../app/leaveGuard';
import { enterToNextField, focusFirstField, useFormShortcuts } from './formKeys';

interface Props {
  open: boolean;
  title: string;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
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
  onClose,
  children,
  width = 720,
  saveText = '保存',
}: Props) {
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
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
  );

  return (
    <Drawer
      open={open}
      title={title}
      size={width}
      keyboard={false}
      destroyOnHidden
      onClose={requestClose}
      afterOpenChange={(visible) => visible && focusFirstField(body.current)}
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={onSave} data-testid="form-save">
            {saveText}（Ctrl+S）
          </Button>
          <Button onClick={requestClose}>取消（Esc）</Button>
        </Space>
      }
    >
      <div ref={body} onKeyDown={enterToNextField(onSave)} data-testid="form-drawer">
        {children}
      </div>
    </Drawer>
  );
}
