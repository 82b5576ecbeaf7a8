// The monthly report's submission (submission.md §2) for the chosen period: its status (草稿 /
// 已报送 第N版, when and by whom), 导出草稿 (always possible, records nothing) and 正式报送 (the next
// version; a 更正原因 from v2 on). Whether an official export would be refused, and why, comes from
// report.status — the very message the export itself would give — so the clerk reads it before trying.
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { FileExcelOutlined, FormOutlined, SendOutlined } from '@ant-design/icons';
import type { OutputOf } from '../../../core/api';
import type { SubmissionStatus } from '../../../core/reports/monthly';
import { call } from '../../api/call';
import { onWritten } from '../../api/changes';
import { Pill } from '../../format/Pill';
import { localTime } from '../../format/display';
import { href, navigate } from '../../router/route';
import { canWrite, useSession } from '../../stores/session';

type Status = OutputOf<'report.status'>;

export interface SubmitRequest {
  mode: SubmissionStatus;
  correctionReason?: string;
  /** What the file will be called (the desktop's save dialog suggests it). */
  version: number | null;
}

/** The period's status, read again after every export or progress-table write. */
function usePeriodStatus(period: string | null) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => onWritten(['report', 'progress', 'office', 'settings'], () => setTick((t) => t + 1)), []);
  useEffect(() => {
    setStatus(null);
    setError(null);
    if (!period) return;
    let live = true;
    void call('report.status', { period }).then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.data);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [period, tick]);
  return { status, error };
}

function StatusLine({ status }: { status: Status }) {
  if (!status.last)
    return (
      <span>
        <Pill>草稿</Pill> {status.periodText}尚未正式报送
      </span>
    );
  const { version, exportedAt, operatorName, correctionReason } = status.last;
  return (
    <span>
      <Pill color="green">已报送 第{version}版</Pill> {localTime(exportedAt)} 由 {operatorName} 报送
      {correctionReason ? `（更正原因：${correctionReason}）` : ''}
    </span>
  );
}

export function SubmissionPanel({
  period,
  busy,
  onExport,
}: {
  period: string | null;
  busy: boolean;
  onExport: (request: SubmitRequest) => void;
}) {
  const { status, error } = usePeriodStatus(period);
  const [reason, setReason] = useState('');
  const writer = canWrite(useSession((s) => s.operator));
  useEffect(() => setReason(''), [period, status?.nextVersion]);

  const next = status?.nextVersion ?? 1;
  const needsReason = Boolean(status?.reasonRequired);
  const sendable = writer && status !== null && status.officialAllowed && (!needsReason || reason.trim() !== '');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="submission-panel">
      <div data-testid="submission-status">
        <Typography.Text type="secondary">报送状态：</Typography.Text>
        {status ? <StatusLine status={status} /> : period ? '读取中…' : '请先选择报告期'}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {status && !status.officialAllowed && status.refusal && (
        <Alert
          type="warning"
          showIcon
          title="暂不能正式报送，可先导出草稿核对"
          description={status.refusal}
          action={
            // The progress-table gates (not filled, not 已上报, a rule broken) are fixed on that
            // table: take the clerk to it, for this period.
            status.refusal.includes('进度调度表') ? (
              <Button
                size="small"
                icon={<FormOutlined />}
                onClick={() => void navigate(href('/progress', { tab: 'figures', period: status.period }))}
                data-testid="submission-open-progress"
              >
                打开本期进度调度表
              </Button>
            ) : undefined
          }
          data-testid="submission-refusal"
        />
      )}
      {!writer && <Typography.Text type="secondary">只读用户可导出草稿；正式报送需要录入员或管理员。</Typography.Text>}
      {writer && needsReason && (
        <div>
          {/* Shown as soon as a version is sent: say it is only for a correction, so nobody sends twice by mistake. */}
          <Typography.Text>
            更正原因（已报送的第{next - 1}版如有错误，改正数字后填写原因，再正式报送第{next}版）：
          </Typography.Text>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            autoSize={{ minRows: 1, maxRows: 3 }}
            placeholder="例如：02行已入户数漏报1家，更正"
            data-testid="submission-reason"
          />
        </div>
      )}
      <Space wrap>
        <Button
          icon={<FileExcelOutlined />}
          loading={busy}
          onClick={() => onExport({ mode: 'draft', version: null })}
          data-testid="report-export-draft"
        >
          导出草稿
        </Button>
        {writer && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy}
            disabled={!sendable}
            onClick={() =>
              onExport({ mode: 'official', version: next, ...(needsReason ? { correctionReason: reason.trim() } : {}) })
            }
            data-testid="report-export-official"
          >
            正式报送（第{next}版）
          </Button>
        )}
      </Space>
    </Space>
  );
}
