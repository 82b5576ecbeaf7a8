// 数据包 (管理员): the whole workspace in one .cdpkg file to move to a new PC, and opening one here
// (the same safe swap as a restore: a safety copy of the current data first).
import { useState } from 'react';
import { Alert, App, Button, Card, Space } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { MAX_PACKAGE_UPLOAD_BYTES, PACKAGE_EXTENSION } from '../../../core/schemas/backups';
import { call } from '../../api/call';
import { askSavePath, fileSize, saveBase64 } from '../../api/desktopFiles';
import { toast } from '../../app/feedback';
import { useSession } from '../../stores/session';
import { afterDataReplaced } from './afterReplace';
import { OpenPackageButton } from './OpenPackageButton';
import { openPackage, type PackageSource } from './packageSource';
import { ReplaceDataConfirm } from './ReplaceDataConfirm';
import { useRecoveryCodeAsk } from '../encryption/useRecoveryCodeAsk';

const PACKAGE_TYPE = 'application/octet-stream';

export function PackageTab() {
  const { modal } = App.useApp();
  const county = useSession((s) => s.office?.countyName) ?? '普查办';
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [chosen, setChosen] = useState<PackageSource | null>(null);
  const code = useRecoveryCodeAsk('package-code', '数据包');

  const exportPackage = async () => {
    const path = await askSavePath('package', `${county}_数据包${PACKAGE_EXTENSION}`, '导出数据包');
    if (path === null) return;
    setBusy('export');
    const r = await call('package.export', path === undefined ? { download: true } : { path });
    setBusy(null);
    if (!r.ok) return toast.error(r.error.message);
    if (r.data.base64) await saveBase64(r.data.base64, r.data.fileName, 'package', '导出数据包', PACKAGE_TYPE);
    toast.success(
      r.data.path
        ? `已导出数据包（${fileSize(r.data.size)}）：${r.data.path}`
        : `已导出数据包（${fileSize(r.data.size)}）：${r.data.fileName}`,
    );
    // A browser may download any size but upload only up to the limit: say so now, not on the new PC.
    if (r.data.base64 && r.data.size > MAX_PACKAGE_UPLOAD_BYTES) {
      modal.warning({
        title: '此数据包不能在浏览器中打开',
        content: `数据包 ${r.data.fileName} 有 ${fileSize(r.data.size)}，超过浏览器上传上限 ${fileSize(MAX_PACKAGE_UPLOAD_BYTES)}，在浏览器中无法通过“打开数据包”或“从数据包恢复”打开。请把数据包复制到要使用它的电脑，用 npm run serve -- --data <数据包文件> 直接打开，或在桌面版普查办工作台中打开。`,
        okText: '知道了',
      });
    }
  };

  const importPackage = async () => {
    // Already importing: a second confirmation (Enter pressed twice) must not send another.
    if (!chosen || busy !== null) return;
    const withCode = code.input();
    if (!withCode) return;
    setBusy('import');
    const r = await openPackage('package.import', chosen, withCode);
    setBusy(null);
    if (!r.ok) return code.handled(r.error) ? undefined : toast.error(r.error.message);
    setChosen(null);
    await afterDataReplaced(modal, `已打开数据包 ${chosen.name}，原来的数据已另存为 ${r.data.safetyCopy.file}`);
  };

  return (
    <div style={{ maxWidth: 900 }} data-testid="package-tab">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="数据包用于把全部数据搬到另一台电脑"
        description="数据包包含全部数据、操作员和操作日志。在新电脑上安装普查办工作台后，在“首次使用”页面选择“从数据包恢复”，再用原来的操作员登录即可。数据包含有公民身份号码和银行卡号，请妥善保管。"
      />
      <Card size="small" title="导出数据包" style={{ marginBottom: 16 }}>
        <p>把当前数据导出为一个{PACKAGE_EXTENSION}文件（经完整性检查），复制到新电脑使用。</p>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          loading={busy === 'export'}
          onClick={() => void exportPackage()}
          data-testid="package-export"
        >
          导出数据包
        </Button>
      </Card>
      <Card size="small" title="打开数据包">
        <p>用另一台电脑导出的数据包替换本机的全部数据。替换前会先把本机当前数据另存一份安全副本。</p>
        <Space>
          <OpenPackageButton
            danger
            onChosen={(source) => {
              code.reset();
              setChosen(source);
            }}
            loading={busy === 'import'}
            testId="package-import"
          >
            打开数据包…
          </OpenPackageButton>
        </Space>
      </Card>
      <ReplaceDataConfirm
        open={chosen !== null}
        title="打开数据包"
        source={chosen ? `数据包 ${chosen.name}` : ''}
        busy={busy === 'import'}
        extra={code.field(() => void importPackage())}
        onConfirm={() => void importPackage()}
        onCancel={() => setChosen(null)}
      />
    </div>
  );
}
