// 报表导出: what can be exported, and every version of the monthly report sent so far — period,
// time, operator, version, whether a later version corrected it and why, and the file's hash, as
// the city received it. Drafts are not listed: nothing is recorded of them.
import { Button } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { Pill } from '../../format/Pill';
import { href, navigate } from '../../router/route';
import { isRecordedAsSent, isReportId } from '../../../core/reports/catalogue';
import { periodLabel } from '../../../core/reports/period';
import type { ReportExportRecord } from '../../api/types';
import { reportHistoryList } from '../../stores/lists';
import type { Column } from '../../lists/columns';
import { RoutedList } from '../../lists/EntityList';
import { localTime } from '../../format/display';
import { PageHead } from '../PageHead';
import { ReexportButton } from './ReexportButton';
import { ReportExportSlot } from './ReportExportSlot';

// Sized for the office laptop (1366 px): the list holds only the monthly report (its heading says
// so), so no 报表 column, and 重新导出此版本 comes before the long file name and hash, which may
// scroll off (both show in full on hover).
const columns: Column<ReportExportRecord>[] = [
  { key: 'at', title: '导出时间', width: 150, sortField: 'exportedAt', render: (r) => localTime(r.exportedAt) },
  {
    key: 'period',
    title: '报告期',
    width: 120,
    sortField: 'period',
    render: (r) => periodLabel(r.period),
  },
  { key: 'version', title: '版本', width: 70, render: (r) => <Pill>第{r.version}版</Pill> },
  {
    key: 'status',
    title: '状态',
    width: 80,
    render: (r) => <Pill color={r.status === '已报送' ? 'green' : 'default'}>{r.status}</Pill>,
  },
  {
    key: 'reason',
    title: '更正原因',
    width: 220,
    render: (r) => <span title={r.correctionReason ?? undefined}>{r.correctionReason ?? ''}</span>,
  },
  { key: 'operator', title: '操作员', width: 90, render: (r) => r.operatorName },
  {
    key: 'reexport',
    title: '操作',
    width: 130,
    render: (r) =>
      isReportId(r.reportId) && isRecordedAsSent(r.reportId) ? (
        <ReexportButton exportId={r.id} fileName={r.fileName} />
      ) : null,
  },
  { key: 'file', title: '文件名', width: 300, render: (r) => <span title={r.fileName}>{r.fileName}</span> },
  {
    key: 'hash',
    title: '文件校验值',
    width: 140,
    render: (r) => (
      <span className="mono" title={r.fileHash}>
        {r.fileHash.slice(0, 12)}…
      </span>
    ),
  },
];

export function ReportsPage() {
  return (
    <div className="page">
      <PageHead
        title="报表导出"
        extra={
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => void navigate(href('/reports/verify'))}
            data-testid="report-verify"
          >
            核对报表
          </Button>
        }
      />
      <ReportExportSlot />
      {/* Only the monthly report is "sent" to the city, so only its exports are versioned here. */}
      <h3 style={{ margin: 0 }}>工作进度月报报送记录</h3>
      <RoutedList
        store={reportHistoryList}
        columns={columns}
        testId="report-history"
        unit="次"
        noun="报送记录"
        howToAdd="每次正式报送工作进度月报，这里会记下报告期、版本、时间、操作员、报送的数字和文件校验值；更正后再次正式报送记为新版本（须填写更正原因），可按原样重新导出。导出草稿不记录。"
      />
    </div>
  );
}
