// 备份与恢复 (管理员): every backup of this data file with its time, reason, size and status; 立即备份,
// 校验 (a full integrity check now) and 恢复 (after a strong confirmation; a safety copy first).
import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tooltip } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import type { OutputOf } from '../../../core/api';
import { call } from '../../api/call';
import { fileSize } from '../../api/desktopFiles';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { localTime } from '../../format/display';
import { Pill, type PillColor } from '../../format/Pill';
import { afterDataReplaced } from './afterReplace';
import { ReplaceDataConfirm } from './ReplaceDataConfirm';
import { LeftoversNotice } from './LeftoversNotice';
import { useRecoveryCodeAsk } from '../encryption/useRecoveryCodeAsk';

type Backup = OutputOf<'backup.list'>['rows'][number];

const STATUS_COLORS: Record<Backup['status'], PillColor> = {
  完好: 'green',
  待校验: 'orange',
  已损坏: 'red',
  日志不符: 'red',
};
const STATUS_HINTS: Record<Backup['status'], string> = {
  完好: '写入时（或最近一次校验时）通过完整性检查，之后未被改动',
  待校验: '尚未校验，或校验后文件被改动过：可点“校验”',
  已损坏: '完整性检查未通过，不能用于恢复',
  日志不符: '数据完整，但其中的操作日志校验未通过（备份前日志可能被改动过）',
};

const LIST_INPUT = { pageSize: 500, sort: { field: 'createdAt', dir: 'desc' } } as const;

export function BackupsTab() {
  const { modal } = App.useApp();
  const { data, error, reload } = useRead('backup.list', LIST_INPUT);
  const [busy, setBusy] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const code = useRecoveryCodeAsk('backup-code', '备份');

  const backupNow = async () => {
    setBusy('now');
    const r = await call('backup.now', {});
    setBusy(null);
    if (!r.ok) return toast.error(r.error.message);
    toast.success(`已备份：${r.data.file}`);
    reload();
  };
  const verify = async (b: Backup) => {
    setBusy(b.file);
    const r = await call('backup.verify', { file: b.file });
    setBusy(null);
    if (!r.ok) return toast.error(r.error.message);
    if (r.data.status === '完好') toast.success(`校验通过：${b.file}`);
    else toast.error(`校验未通过：${r.data.problem ?? b.file}`);
    reload();
  };
  const restore = async () => {
    // Already restoring: a second confirmation (Enter pressed twice) must not send another.
    if (!restoring || busy === 'restore') return;
    const withCode = code.input();
    if (!withCode) return;
    setBusy('restore');
    const r = await call('backup.restore', { file: restoring.file, ...withCode });
    setBusy(null);
    if (!r.ok) return code.handled(r.error) ? undefined : toast.error(r.error.message);
    setRestoring(null);
    await afterDataReplaced(
      modal,
      `已从 ${localTime(restoring.createdAt)} 的备份恢复，恢复前的数据已另存为 ${r.data.safetyCopy.file}`,
    );
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div style={{ maxWidth: 1100 }} data-testid="backups-tab">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <span>
            备份文件夹：
            <span className="mono" data-testid="backup-folder">
              {data?.folder ?? '…'}
            </span>
          </span>
        }
        description="程序在每次启动时、每天、每次导入和恢复之前自动备份，并按“最近7天、4周、12个月”保留；手动备份，以及恢复、打开数据包和升级数据之前的安全副本（原因为“恢复前”“迁移前”）一直保留。备份文件夹可在“安全设置”中更改。"
      />
      <LeftoversNotice />
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy === 'now'}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          立即备份
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      </Space>
      <div data-testid="backup-list" data-state={data ? 'ready' : 'loading'}>
        <Table<Backup>
          size="small"
          rowKey="file"
          loading={!data}
          dataSource={data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: '还没有备份：点击“立即备份”' }}
          columns={[
            { title: '备份时间', width: 170, render: (_, b) => localTime(b.createdAt) },
            { title: '原因', dataIndex: 'reason', width: 80 },
            { title: '大小', width: 90, align: 'right', render: (_, b) => fileSize(b.size) },
            {
              title: '状态',
              width: 90,
              render: (_, b) => (
                <Tooltip title={b.problem ?? STATUS_HINTS[b.status]}>
                  <span data-testid="backup-status">
                    <Pill color={STATUS_COLORS[b.status]}>{b.status}</Pill>
                  </span>
                </Tooltip>
              ),
            },
            { title: '文件', dataIndex: 'file', render: (f: string) => <span className="mono muted">{f}</span> },
            {
              title: '操作',
              width: 150,
              render: (_, b) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<SafetyCertificateOutlined />}
                    loading={busy === b.file}
                    onClick={() => void verify(b)}
                  >
                    校验
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    disabled={b.status === '已损坏'}
                    onClick={() => {
                      code.reset();
                      setRestoring(b);
                    }}
                    data-testid="backup-restore"
                  >
                    恢复
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <ReplaceDataConfirm
        open={restoring !== null}
        title="从备份恢复"
        source={restoring ? `${localTime(restoring.createdAt)} 的备份（${restoring.reason}，${restoring.file}）` : ''}
        busy={busy === 'restore'}
        extra={code.field(() => void restore())}
        onConfirm={() => void restore()}
        onCancel={() => setRestoring(null)}
      />
    </div>
  );
}
