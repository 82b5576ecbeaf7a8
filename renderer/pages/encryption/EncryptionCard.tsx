// 安全设置 → 数据加密: whether the data file is encrypted (and the key's id, which names the key
// without revealing it), and for a plain file — an older one, or a first run left before its
// 保存恢复码 step — 加密数据文件, running the wizard's own step (RecoveryCodeStep). 管理员 only for the
// button; the dashboard's 「数据未加密」 check links here with `?tab=safety&encrypt=1`, which opens it.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Spin } from 'antd';
import { Warning } from '../../format/Warning';
import { LockOutlined } from '@ant-design/icons';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { Pill } from '../../format/Pill';
import { useRoute } from '../../router/route';
import { isAdmin, useSession } from '../../stores/session';
import { RecoveryCodeStep } from './RecoveryCodeStep';

export function EncryptionCard() {
  const { data, error, reload } = useRead('safety.encryption', {});
  const admin = isAdmin(useSession((s) => s.operator));
  const asked = useRoute((r) => r.query.encrypt === '1');
  const [open, setOpen] = useState(asked);

  const body = () => {
    if (error) return <Alert type="error" showIcon title={error} />;
    if (!data) return <Spin />;
    if (data.encrypted)
      return (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="状态">
            <span data-testid="encryption-status" data-encrypted="true">
              <Pill color="green">已加密</Pill>
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="密钥标识">
            <span className="mono" data-testid="encryption-key-id">
              {data.keyId}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="说明">
            数据文件、所有备份和数据包都用本单位的恢复码加密；在其他电脑上或浏览器中打开时需输入恢复码。密钥标识只用于核对恢复码是否为同一个，不能用来打开数据。
          </Descriptions.Item>
        </Descriptions>
      );
    if (admin && open)
      return (
        <RecoveryCodeStep
          onDone={({ keyId }) => {
            setOpen(false);
            toast.success(`数据文件已加密（密钥标识 ${keyId}）`);
            reload();
          }}
          onCancel={() => setOpen(false)}
        />
      );
    return (
      <>
        <Warning
          title={
            <span data-testid="encryption-status" data-encrypted="false">
              <Pill color="orange">未加密</Pill> 数据文件和备份中的公民身份号码、银行卡号等以明文存放
            </span>
          }
          description="加密后，数据文件、以后的备份和数据包只能用本单位的恢复码打开。加密前程序会先做一次经校验的备份。"
        />
        {admin ? (
          <Button type="primary" icon={<LockOutlined />} onClick={() => setOpen(true)} data-testid="encryption-start">
            加密数据文件
          </Button>
        ) : (
          <span className="muted">只有管理员可以加密数据文件。</span>
        )}
      </>
    );
  };

  return (
    <Card size="small" title="数据加密" style={{ marginBottom: 16 }} data-testid="encryption-card">
      {body()}
    </Card>
  );
}
