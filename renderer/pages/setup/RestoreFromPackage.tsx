// First run on a new PC: instead of setting up afresh, open the data package made on the old PC
// (setup.importPackage, allowed only while this data has no operators). Afterwards the clerk logs
// in with the old PC's operators. An encrypted package asks for its 恢复码 in a dialog and is sent
// again with it.
import { useState } from 'react';
import { Alert, Modal } from 'antd';
import { PACKAGE_EXTENSION } from '../../../core/schemas/backups';
import { confirm, toast } from '../../app/feedback';
import { useSession } from '../../stores/session';
import { OpenPackageButton } from '../settings/OpenPackageButton';
import { openPackage, type PackageSource } from '../settings/packageSource';
import { useRecoveryCodeAsk } from '../encryption/useRecoveryCodeAsk';

export function RestoreFromPackage() {
  const [busy, setBusy] = useState(false);
  /** The package waiting for its 恢复码. */
  const [pending, setPending] = useState<PackageSource | null>(null);
  const code = useRecoveryCodeAsk('setup-package-code', '数据包');

  const send = async (source: PackageSource) => {
    const withCode = code.input();
    if (!withCode) return;
    setBusy(true);
    const r = await openPackage('setup.importPackage', source, withCode);
    setBusy(false);
    if (!r.ok) {
      if (code.handled(r.error)) return setPending(source);
      return toast.error(r.error.message);
    }
    setPending(null);
    toast.success(`已从数据包 ${source.name} 恢复，请用原来的操作员登录`);
    await useSession.getState().boot();
  };

  const open = async (source: PackageSource) => {
    // Already opening one: a second choice must not send a second import.
    if (busy) return;
    const ok = await confirm({
      title: `从数据包 ${source.name} 恢复？`,
      content: '将使用旧电脑上的全部数据、操作员和操作日志。恢复后请用旧电脑上的操作员登录。',
      okText: '开始恢复',
    });
    if (!ok) return;
    code.reset();
    await send(source);
  };
  const retry = () => {
    if (pending && !busy) void send(pending);
  };
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="info"
      title="换了新电脑？"
      data-testid="setup-restore-package"
      description={
        <>
          <div style={{ marginBottom: 8 }}>
            在旧电脑的“系统设置 → 数据包”中导出数据包（{PACKAGE_EXTENSION}
            文件），复制到这台电脑后从这里打开，无需重新填写。
          </div>
          <OpenPackageButton onChosen={open} loading={busy} testId="setup-package-open">
            从数据包恢复…
          </OpenPackageButton>
          <Modal
            open={pending !== null}
            title={`从数据包 ${pending?.name ?? ''} 恢复`}
            okText="开始恢复"
            cancelText="取消"
            confirmLoading={busy}
            onOk={retry}
            onCancel={() => setPending(null)}
            maskClosable={false}
            destroyOnHidden
          >
            {code.field(retry)}
          </Modal>
        </>
      }
    />
  );
}
