// The strong confirmation before the whole data is replaced (恢复备份, 打开数据包): what happens,
// that a safety copy of the current data is made first, and the word 恢复 typed to go on.
import { useState, type ReactNode } from 'react';
import { Alert, Input, Modal } from 'antd';

const WORD = '恢复';

interface Props {
  open: boolean;
  title: string;
  /** Where the data will come from, in the clerk's words. */
  source: ReactNode;
  busy: boolean;
  /** Below the word: the 恢复码 field when the backup or package asks for one (useRecoveryCodeAsk). */
  extra?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Enter confirms too, but not while busy: a second Enter would send a second restore. */
export function ReplaceDataConfirm({ open, title, source, busy, extra, onConfirm, onCancel }: Props) {
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Modal
      open={open}
      title={title}
      okText="确认恢复"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: typed.trim() !== WORD, loading: busy }}
      onOk={onConfirm}
      onCancel={close}
      afterClose={() => setTyped('')}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="当前的全部数据将被替换"
        description={
          <>
            <div>数据来源：{source}</div>
            <div>
              恢复前，程序会先把当前数据另存一份安全副本（在备份列表中，原因为“恢复前”），如有需要可再恢复回来。
            </div>
            <div>此后录入或修改、但不在所选数据中的内容，恢复后将看不到。所有操作员需确认数据后再继续工作。</div>
          </>
        }
      />
      <div style={{ marginTop: 16 }}>
        请输入“{WORD}”以确认：
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          style={{ width: 160, marginLeft: 8 }}
          data-testid="replace-confirm-word"
          onPressEnter={() => !busy && typed.trim() === WORD && onConfirm()}
        />
      </div>
      {extra}
    </Modal>
  );
}
