// 汇总报表: the city's (or province's) R2 for a period, compiled from the reports received. The
// preview (cityReport.preview) lists each unit with the version that would be included and the
// units missing (the report names them in its title block); 导出草稿 / 正式报送 run report.export
// for R2 as a county's does (SubmissionPanel), and the versions sent are listed with 重新导出此版本.
import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Tag } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useRead } from '../../api/useRecord';
import { desktopSavePath } from '../../api/download';
import { MonthInput } from '../../forms/MonthInput';
import { href, navigate } from '../../router/route';
import { useSession } from '../../stores/session';
import { PageHead } from '../PageHead';
import { SubmissionPanel, type SubmitRequest } from '../reports/SubmissionPanel';
import { ReexportButton } from '../reports/ReexportButton';
import { useReportExport } from '../reports/useReportExport';
import { submissionFileName } from '../../../core/reports/fileName';
import { periodLabel } from '../../../core/reports/period';
import { reportName } from '../../../core/reports/catalogue';
import { localTime } from './months';
import { useLatestPeriod } from './useLatestPeriod';
import { ProfileGaps } from './ProfileGaps';

function PreviewCard({ period }: { period: string }) {
  const preview = useRead('cityReport.preview', { period });
  const data = preview.data;
  return (
    <Card size="small" title="将汇总的报表" style={{ marginBottom: 12 }} data-testid="city-preview">
      {preview.error && <Alert type="error" showIcon title={preview.error} />}
      {data && (
        <>
          <Alert
            type={data.missing.length > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="city-preview-summary"
            title={
              data.missing.length > 0
                ? `${data.periodText}：已报 ${data.includedCount} 个，${data.missingText}（汇总表标题下注明，不按零计）`
                : `${data.periodText}：${data.includedCount} 个单位均已报送`
            }
          />
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ y: 300 }}
            dataSource={data.units}
            columns={[
              { title: '单位', render: (_v, u) => `${u.name}（${u.code}）` },
              {
                title: '状态',
                width: 80,
                render: (_v, u) => <Tag color={u.state === '已报' ? 'green' : 'red'}>{u.state}</Tag>,
              },
              {
                title: '汇总版本',
                width: 150,
                render: (_v, u) =>
                  u.version
                    ? `第${u.version}版${u.versionsReceived > 1 ? `（共收到${u.versionsReceived}版）` : ''}`
                    : '—',
              },
              { title: '收到时间', width: 150, render: (_v, u) => localTime(u.receivedAt) },
              {
                title: '备注',
                render: (_v, u) =>
                  [
                    u.digestOk === false ? `附说明接收：${u.acceptNote ?? ''}` : null,
                    u.correctionReason ? `更正原因：${u.correctionReason}` : null,
                  ]
                    .filter(Boolean)
                    .join('；'),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** Remounted (key) after each export, so it reads the list again. */
function HistoryCard() {
  const history = useRead('report.history', { filters: { reportId: 'R2' }, pageSize: 100 });
  const rows = history.data?.rows ?? [];
  return (
    <Card size="small" title="汇总报表报送记录" data-testid="city-history">
      {history.error && <Alert type="error" showIcon title={history.error} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚未正式报送汇总报表。导出草稿不记录。' }}
        columns={[
          { title: '导出时间', width: 150, render: (_v, r) => localTime(r.exportedAt) },
          { title: '报告期', width: 110, render: (_v, r) => periodLabel(r.period) },
          { title: '版本', width: 70, render: (_v, r) => `第${r.version}版` },
          {
            title: '状态',
            width: 80,
            render: (_v, r) => <Tag color={r.status === '已报送' ? 'green' : 'default'}>{r.status}</Tag>,
          },
          { title: '更正原因', render: (_v, r) => r.correctionReason ?? '' },
          { title: '操作员', width: 90, render: (_v, r) => r.operatorName },
          {
            title: '操作',
            width: 130,
            render: (_v, r) => <ReexportButton exportId={r.id} fileName={r.fileName} />,
          },
        ]}
      />
    </Card>
  );
}

export function CityReportPage() {
  const [latest, , settled] = useLatestPeriod();
  return settled ? <CityReportView latest={latest} /> : <div className="page" />;
}

function CityReportView({ latest }: { latest: string }) {
  const [period, setPeriod] = useState(latest);
  const { busy, progress, exportReport } = useReportExport('ui-city');
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const office = useSession((s) => s.office?.countyName) ?? '普查办';

  const run = async (submit: SubmitRequest) => {
    setError(null);
    const suggested = submissionFileName(office, reportName('R2'), periodLabel(period), submit.version);
    const savePath = await desktopSavePath(
      suggested,
      submit.mode === 'official' ? '正式报送汇总报表' : '导出汇总报表草稿',
    );
    if (savePath === null) return;
    const refused = await exportReport({
      reportId: 'R2',
      period,
      mode: submit.mode,
      ...(submit.correctionReason ? { correctionReason: submit.correctionReason } : {}),
      ...(savePath ? { savePath } : {}),
    });
    if (refused) return setError(refused);
    setTick((t) => t + 1);
  };

  return (
    <div className="page">
      <PageHead
        title="汇总报表"
        extra={
          <Button icon={<FileSearchOutlined />} onClick={() => void navigate(href('/verify'))}>
            核对报表
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap align="center">
          <span>报告期</span>
          <MonthInput value={period} onChange={(m) => m && setPeriod(m)} testId="city-period" />
          <span className="muted">按各单位收到的最新版本汇总；更正版本到达后重新导出即为新版本。</span>
        </Space>
      </Card>
      <PreviewCard key={`${period}-${tick}`} period={period} />
      <ProfileGaps />
      <Card size="small" title="导出汇总报表" style={{ marginBottom: 12 }} data-testid="city-export">
        <SubmissionPanel period={period} busy={busy} onExport={(s) => void run(s)} />
        {progress && <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" />}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="city-export-error" />
        )}
      </Card>
      <HistoryCard key={tick} />
    </div>
  );
}
