// 导出报表 (reports.md R1–R6, 培训签到表, 合同跟踪表): choose a report and what it needs, export,
// and the browser downloads the workbook. Big exports show the worker's progress (report.progress).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Progress, Radio, Select, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { REPORT_IDS, REPORT_NAMES, reportLabel, type ReportId } from '../../../core/schemas/system';
import { call } from '../../api/call';
import { desktopSavePath, downloadBase64 } from '../../api/download';
import { toast } from '../../app/feedback';
import { RefSelect } from '../../forms/RefSelect';
import { reportHistoryList } from '../../stores/lists';

const ROLES = [
  '普查员',
  '普查指导员',
  '污普办工作人员',
  '乡镇(街道)联络员',
  '村(居)联络员',
  '专家',
  '第三方机构人员',
] as const;
type Role = (typeof ROLES)[number];

interface Progressing {
  phase: string;
  done: number;
  total: number;
}

function PayRunPicker({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    void call('payRun.list', { pageSize: 200 }).then((r) => {
      if (r.ok) setOptions(r.data.rows.map((p) => ({ value: p.id, label: `${p.title}（${p.period}，${p.status}）` })));
    });
  }, []);
  return (
    <Select
      style={{ width: 320 }}
      value={value}
      onChange={(v: number | null) => onChange(v ?? null)}
      allowClear
      placeholder="选择发放表"
      options={options}
      data-testid="report-payrun"
      notFoundContent="还没有劳务报酬发放表"
    />
  );
}

let jobSeq = 0;

export function ReportExportSlot() {
  const [reportId, setReportId] = useState<ReportId>('R1');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [half, setHalf] = useState<'' | '上' | '下'>('');
  const [role, setRole] = useState<Role | null>(null);
  const [townshipId, setTownshipId] = useState<number | null>(null);
  const [status, setStatus] = useState<'在岗' | '离岗' | null>(null);
  const [payRunId, setPayRunId] = useState<number | null>(null);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [contractId, setContractId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  const pickRecord = (set: (id: number | null) => void, v: number | number[] | null) => {
    set(typeof v === 'number' ? v : null);
    setError(null);
  };

  const missing =
    reportId === 'R2' && !month
      ? '请选择报告期'
      : reportId === 'R6' && !payRunId
        ? '请选择劳务报酬发放表'
        : reportId === 'R4-signin' && !sessionId
          ? '请选择培训班'
          : reportId === 'R5-tracking' && !contractId
            ? '请选择合同'
            : null;

  const run = async () => {
    if (missing) return setError(missing);
    setError(null);
    const savePath = await desktopSavePath(`${REPORT_NAMES[reportId]}.xlsx`, `导出${REPORT_NAMES[reportId]}`);
    if (savePath === null) return;
    setBusy(true);
    setProgress(null);
    const jobId = `ui-${Date.now()}-${++jobSeq}`;
    timer.current = setInterval(() => {
      void call('report.progress', { jobId }).then((r) => r.ok && r.data && r.data.total > 0 && setProgress(r.data));
    }, 500);
    const period =
      month && (reportId === 'R2' || reportId === 'R4')
        ? month.format('YYYY-MM') + (reportId === 'R2' && half ? `-${half}` : '')
        : undefined;
    const r = await call('report.export', {
      reportId,
      jobId,
      ...(savePath ? { savePath } : {}),
      ...(period ? { period } : {}),
      ...(reportId === 'R1'
        ? { ...(role ? { role } : {}), ...(townshipId ? { townshipId } : {}), ...(status ? { status } : {}) }
        : {}),
      ...(reportId === 'R6' && payRunId ? { payRunId } : {}),
      ...(reportId === 'R4-signin' && sessionId ? { sessionId } : {}),
      ...(reportId === 'R5-tracking' && contractId ? { contractId } : {}),
    });
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setBusy(false);
    setProgress(null);
    if (!r.ok) return setError(r.error.message);
    if (r.data.base64) downloadBase64(r.data.base64, r.data.fileName);
    const where = r.data.savedPath ? `到 ${r.data.savedPath}` : r.data.fileName;
    toast.success(reportId === 'R2' ? `已导出${where}（第${r.data.version}版）` : `已导出${where}`);
    reportHistoryList.getState().reload();
  };

  return (
    <Card size="small" title="导出报表" data-testid="report-export-slot">
      <Form layout="vertical" component="div">
        <Form.Item label="报表">
          <Radio.Group
            value={reportId}
            onChange={(e) => {
              setReportId(e.target.value as ReportId);
              setError(null);
            }}
            optionType="button"
            data-testid="report-choice"
            options={REPORT_IDS.map((id) => ({ value: id, label: reportLabel(id) }))}
          />
        </Form.Item>
        {(reportId === 'R2' || reportId === 'R4') && (
          <Form.Item
            label={reportId === 'R2' ? '报告期' : '报告期（可不选，不选则为全部培训班）'}
            required={reportId === 'R2'}
          >
            <Space>
              <DatePicker
                picker="month"
                value={month}
                onChange={(d) => setMonth(d)}
                format="YYYY年MM月"
                placeholder="选择月份"
                data-testid="report-period"
              />
              {reportId === 'R2' && (
                <Select
                  style={{ width: 120 }}
                  value={half}
                  onChange={(v: '' | '上' | '下') => setHalf(v)}
                  options={[
                    { value: '', label: '整月' },
                    { value: '上', label: '上半月' },
                    { value: '下', label: '下半月' },
                  ]}
                />
              )}
            </Space>
          </Form.Item>
        )}
        {reportId === 'R1' && (
          <Space wrap>
            <Form.Item label="人员类别">
              <Select
                style={{ width: 180 }}
                allowClear
                placeholder="全部"
                value={role}
                onChange={(v: Role | null) => setRole(v ?? null)}
                options={ROLES.map((r) => ({ value: r, label: r }))}
              />
            </Form.Item>
            <Form.Item label="乡镇（街道）">
              <div style={{ width: 220 }}>
                <RefSelect
                  source="township"
                  value={townshipId}
                  onChange={(v) => setTownshipId(typeof v === 'number' ? v : null)}
                  placeholder="全部"
                />
              </div>
            </Form.Item>
            <Form.Item label="在岗状态">
              <Select
                style={{ width: 120 }}
                allowClear
                placeholder="全部"
                value={status}
                onChange={(v: '在岗' | '离岗' | null) => setStatus(v ?? null)}
                options={[
                  { value: '在岗', label: '在岗' },
                  { value: '离岗', label: '离岗' },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        {reportId === 'R6' && (
          <Form.Item label="劳务报酬发放表" required>
            <PayRunPicker value={payRunId} onChange={setPayRunId} />
          </Form.Item>
        )}
        {reportId === 'R4-signin' && (
          <Form.Item label="培训班" required>
            <div style={{ width: 360 }}>
              <RefSelect
                id="report-session"
                source="training"
                value={sessionId}
                onChange={(v) => pickRecord(setSessionId, v)}
                placeholder="输入培训班名称搜索"
              />
            </div>
          </Form.Item>
        )}
        {reportId === 'R5-tracking' && (
          <Form.Item label="合同" required>
            <div style={{ width: 360 }}>
              <RefSelect
                id="report-contract"
                source="contract"
                value={contractId}
                onChange={(v) => pickRecord(setContractId, v)}
                placeholder="输入合同编号或名称搜索"
              />
            </div>
          </Form.Item>
        )}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={busy}
            onClick={() => void run()}
            data-testid="report-export"
          >
            导出 {REPORT_NAMES[reportId]}
          </Button>
          {busy && progress && (
            <div data-testid="report-progress">
              {progress.phase}：{progress.done} / {progress.total} 行
              <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" />
            </div>
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="report-error" />}
        </Space>
      </Form>
    </Card>
  );
}
