// First run on a new PC: instead of setting up afresh, open the data package made on the old PC
// (setup.importPackage, allowed only while this data has no operators). Afterwards the clerk logs
// in with the old PC's operators.
import { useState } from 'react';
import { Alert } from 'antd';
import { PACKAGE_EXTENSION } from '../../../core/schemas/backups';
import { confirm, toast } from '../../app/feedback';
import { useSession } from '../../stores/session';
import { OpenPackageButton } from '../settings/OpenPackageButton';
import { openPackage, type PackageSource } from '../settings/packageSource';

export function RestoreFromPackage() {
  const [busy, setBusy] = useState(false);

  const open = async (source: PackageSource) => {
    // Already opening one: a second choice must not send a second import.
    if (busy) return;
    const ok = await confirm({
      title: `从数据包 ${source.name} 恢复？`,
      content: '将使用旧电脑上的全部数据、操作员和操作日志。恢复后请用旧电脑上的操作员登录。',
      okText: '开始恢复',
    });
    if (!ok) return;
    setBusy(true);
    const r = await openPackage('setup.importPackage', source);
    setBusy(false);
    if (!r.ok) return toast.error(r.error.message);
    toast.success(`已从数据包 ${source.name} 恢复，请用原来的操作员登录`);
    await useSession.getState().boot();
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
        </>
      }
    />
  );
}
