// 导出报表 (reports.md R1–R6, 培训签到表, 合同跟踪表): choose a report and what it needs, export,
// and the browser downloads the workbook. Big exports show the worker's progress (report.progress).
// What each report asks for comes from the report catalogue (core/reports/catalogue.ts). The
// monthly report is exported as a draft or sent officially (SubmissionPanel).
import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Radio, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import {
  REPORT_IDS,
  missingParams,
  paramLabel,
  paramsOf,
  reportLabel,
  reportOf,
  type ReportId,
  type ReportParamKey,
} from '../../../core/reports/catalogue';
import { submissionFileName } from '../../../core/reports/fileName';
import dayjs from 'dayjs';
import { currentPeriod, periodLabel } from '../../../core/reports/period';
import { todayIso } from '../../../core/dates';
import { desktopSavePath } from '../../api/download';
import { NO_VALUES, ReportParamField, paramValue, type Half, type ParamValues } from './ReportParamField';
import { FullSensitiveOption, fullSensitiveInput } from './FullSensitiveOption';
import { SubmissionPanel, type SubmitRequest } from './SubmissionPanel';
import { useReportExport } from './useReportExport';
import { useSession } from '../../stores/session';

/** The chosen report's parameters as report.export takes them, the unchosen ones left out. */
function chosenParams(reportId: ReportId, values: ParamValues): Partial<Record<ReportParamKey, string | number>> {
  const out: Partial<Record<ReportParamKey, string | number>> = {};
  for (const [key, use] of paramsOf(reportId)) {
    const v = paramValue(key, use, values);
    if (v !== null) out[key] = v;
  }
  return out;
}

/** 报告期 starts at 本期, as the dashboard names it; the clerk changes it for an earlier period. */
function startValues(rhythm: string | null | undefined): ParamValues {
  const m = /^(\d{4}-\d{2})(?:-([上下]))?$/.exec(currentPeriod(todayIso(), rhythm));
  return m ? { ...NO_VALUES, month: dayjs(`${m[1]}-01`), half: (m[2] ?? '') as Half } : NO_VALUES;
}

export function ReportExportSlot() {
  const rhythm = useSession((s) => s.office?.reportRhythm);
  const [reportId, setReportId] = useState<ReportId>(REPORT_IDS[0]);
  const [values, setValues] = useState<ParamValues>(() => startValues(rhythm));
  const { busy, progress, exportReport } = useReportExport('ui');
  const [error, setError] = useState<string | null>(null);
  const [full, setFull] = useState(false);
  const county = useSession((s) => s.office?.countyName) ?? '普查办';

  const report = reportOf(reportId);
  const params = paramsOf(reportId);
  const chosen = chosenParams(reportId, values);
  const [firstMissing] = missingParams(reportId, chosen);
  const missing = firstMissing ? `请选择${paramLabel(firstMissing)}` : null;
  const set = (patch: Partial<ParamValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setError(null);
  };

  const run = async (submit?: SubmitRequest) => {
    if (missing) return setError(missing);
    setError(null);
    const suggested =
      submit && typeof chosen.period === 'string'
        ? submissionFileName(county, report.name, periodLabel(chosen.period), submit.version)
        : `${report.name}.xlsx`;
    const what = submit?.mode === 'official' ? `正式报送${report.name}` : `导出${report.name}`;
    const savePath = await desktopSavePath(suggested, what);
    if (savePath === null) return;
    const refused = await exportReport({
      reportId,
      ...(savePath ? { savePath } : {}),
      ...chosen,
      ...fullSensitiveInput(reportId, full),
      ...(submit
        ? { mode: submit.mode, ...(submit.correctionReason ? { correctionReason: submit.correctionReason } : {}) }
        : {}),
    });
    if (refused) setError(refused);
  };

  return (
    <Card size="small" title="导出报表" data-testid="report-export-slot">
      <Form layout="vertical" component="div">
        <Form.Item label="报表">
          <Radio.Group
            value={reportId}
            onChange={(e) => {
              setReportId(e.target.value as ReportId);
              // The confirmation named this report's columns: another report asks again.
              setFull(false);
              setError(null);
            }}
            optionType="button"
            data-testid="report-choice"
            options={REPORT_IDS.map((id) => ({ value: id, label: reportLabel(id) }))}
          />
        </Form.Item>
        {params.length > 0 && (
          <Space wrap align="start">
            {params.map(([name, use]) => (
              <ReportParamField key={name} name={name} use={use} values={values} set={set} />
            ))}
          </Space>
        )}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <FullSensitiveOption reportId={reportId} checked={full} onChange={setFull} />
          {report.recordedAsSent ? (
            <SubmissionPanel
              period={typeof chosen.period === 'string' ? chosen.period : null}
              busy={busy}
              onExport={(submit) => void run(submit)}
            />
          ) : (
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              loading={busy}
              onClick={() => void run()}
              data-testid="report-export"
            >
              导出 {report.name}
            </Button>
          )}
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
