// 报表导出 → 核对报表 (submission.md §3): choose a monthly report workbook — one the office sent,
// one back from the city, one resaved by Excel, WPS or LibreOffice — and see whose and which it is,
// what it was checked against and every finding by sheet and cell; print the result.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { FileSearchOutlined, PrinterOutlined, FilePdfOutlined } from '@ant-design/icons';
import { call } from '../../../api/call';
import { fileContent } from '../../../api/download';
import { printTargets, pdfFileName } from '../../../api/desktopPrint';
import { PageHead } from '../../PageHead';
import { usePrintRun } from '../../PrintButton';
import { useSession } from '../../../stores/session';
import { FINDING_KIND_LABELS, type Finding } from '../../../../core/reports/verify/types';
import { bySheet, identityLines, type VerifyResult } from './verifyText';
import { renderVerify } from './printVerify';

const ACCEPT = '.xlsx,.xls,.ods';

function PrintResult({ result, fileName, checkedAt }: { result: VerifyResult; fileName: string; checkedAt: string }) {
  const { busy, run } = usePrintRun(() => ({
    html: renderVerify(result, fileName, checkedAt),
    fileName: pdfFileName('核对结果', fileName),
    landscape: false,
  }));
  const targets = printTargets();
  return (
    <Space.Compact>
      <Button
        icon={<PrinterOutlined />}
        loading={busy === targets[0]}
        onClick={() => void run(targets[0])}
        data-testid="verify-print"
      >
        打印核对结果
      </Button>
      {targets.includes('pdf') && (
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')}>
          导出PDF
        </Button>
      )}
    </Space.Compact>
  );
}

const KIND_COLORS: Partial<Record<Finding['kind'], string>> = {
  changed: 'red',
  missingRow: 'red',
  extraRow: 'red',
  digest: 'volcano',
  meta: 'orange',
  unreadable: 'gold',
};

function Findings({ result }: { result: VerifyResult }) {
  const groups = bySheet(result.findings);
  if (!groups.length) return null;
  return (
    <div data-testid="verify-findings" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {groups.map((g) => (
        <Card
          key={g.sheet}
          size="small"
          title={`${g.title}（${g.findings.length} 处）`}
          data-testid="verify-sheet"
          data-sheet={g.sheet}
        >
          <Table<Finding & { n: number }>
            size="small"
            pagination={false}
            rowKey="n"
            dataSource={g.findings.map((f, n) => ({ ...f, n }))}
            onRow={(f) => ({ 'data-testid': 'verify-finding', 'data-cell': f.cell, 'data-kind': f.kind }) as never}
            columns={[
              {
                key: 'cell',
                title: '单元格',
                width: 110,
                render: (_v, f) => <span className="mono">{f.cell || '—'}</span>,
              },
              {
                key: 'kind',
                title: '类别',
                width: 120,
                render: (_v, f) => <Tag color={KIND_COLORS[f.kind] ?? 'blue'}>{FINDING_KIND_LABELS[f.kind]}</Tag>,
              },
              { key: 'message', title: '说明', render: (_v, f) => f.message },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}

export function VerifyPage() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [checkedAt, setCheckedAt] = useState('');
  // A city or province office opens 核对 from its own menu and from 汇总报表 (no 报表导出 there).
  const level = useSession((s) => s.office?.level);
  const county = level !== '市' && level !== '省';

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setFileName(file.name);
    try {
      const content = await fileContent(file);
      if (!content.ok) return setError(content.error.message);
      const r = await call('report.read', { base64: content.data });
      if (!r.ok) return setError(r.error.message);
      setResult(r.data);
      setCheckedAt(new Date().toISOString());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <PageHead
        title="核对报表"
        back={county ? '#/reports' : '#/cityreport'}
        extra={result && fileName ? <PrintResult result={result} fileName={fileName} checkedAt={checkedAt} /> : null}
      />
      <Card size="small">
        <p style={{ marginTop: 0 }}>
          {county
            ? '选择一份工作进度月报（本单位报送的、市里退回的，或经 Excel、WPS、LibreOffice 另存的均可）。'
            : '选择一份工作进度月报（本单位报送的汇总报表、下级报来的月报，或经 Excel、WPS、LibreOffice 另存的均可）。'}
          本单位报送过的版本按导出编号与报送记录逐格比对，列出每个被改动的单元格（原值 → 现值）；
          任何月报都会核对数据摘要、每个合计、每个比率、进度调度表的填报规则和行代码
          01—13，以及标识信息与标题是否一致，并列出无法读取的单元格。
        </p>
        <Space wrap>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            style={{ display: 'none' }}
            data-testid="verify-file"
            onChange={(e) => void choose(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
          <Button type="primary" icon={<FileSearchOutlined />} loading={busy} onClick={() => input.current?.click()}>
            选择工作簿
          </Button>
          {fileName && <span data-testid="verify-file-name">{fileName}</span>}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="verify-error" />}
      {result && (
        <>
          <Alert
            type={result.findings.length ? 'warning' : 'success'}
            showIcon
            title={result.summary}
            data-testid="verify-summary"
          />
          <Card size="small" title="工作簿信息" data-testid="verify-identity">
            <Descriptions
              size="small"
              column={2}
              items={identityLines(result).map(([label, value]) => ({ key: label, label, children: value }))}
            />
          </Card>
          <Findings result={result} />
        </>
      )}
    </div>
  );
}
