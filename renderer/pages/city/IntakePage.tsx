// 收取报表: the clerk drops the counties' monthly reports — several files, a folder, or a zip as
// WeChat and e-mail deliver them. Each file goes up with intake.receive under one batch id (one call
// per file, one at a time: each is filed or refused whole); the table says what became of every
// workbook. A workbook refused for its digest may be filed with a note (附说明接收); every file
// taken in can be downloaded as received; 收取记录 below lists the earlier ones (intake.list).
import { useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Space, Tag } from 'antd';
import { FileZipOutlined, FolderOpenOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { call } from '../../api/call';
import { fileContent } from '../../api/download';
import { PageHead } from '../PageHead';
import { IntakeTable, type IntakeRow } from './IntakeTable';
import { AcceptDialog } from './AcceptDialog';
import { IntakeHistory } from './IntakeHistory';
import { OUTCOME_COLORS } from './intakeLabels';
import { INTAKE_OUTCOMES } from '../../../core/schemas/intake';

/** What intake takes: workbooks and zips of them; a folder's other files are listed, not sent. */
const TAKEN = /\.(xlsx|xls|zip)$/i;
const ACCEPT = '.xlsx,.xls,.zip';

const newBatchId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;

/** A file's name as chosen: its path inside a chosen folder, else its name. */
const nameOf = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

export function IntakePage() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<IntakeRow[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [accepting, setAccepting] = useState<IntakeRow | null>(null);
  const [dragging, setDragging] = useState(false);
  const [reload, setReload] = useState(0);
  const busy = progress !== null && progress.done < progress.total;

  const receive = async (chosen: File[]) => {
    if (chosen.length === 0 || busy) return;
    const taken = chosen.filter((f) => TAKEN.test(f.name));
    const batchId = newBatchId();
    setRows([]);
    setSkipped(chosen.filter((f) => !TAKEN.test(f.name)).map((f) => `${nameOf(f)}：不是工作簿或压缩包，未收取`));
    setProgress({ done: 0, total: taken.length });
    for (const [i, file] of taken.entries()) {
      const fileName = nameOf(file);
      const content = await fileContent(file);
      const r = content.ok
        ? await call('intake.receive', { fileName, base64: content.data, batchId })
        : { ok: false as const, error: content.error };
      if (r.ok) {
        setRows((prev) => [...prev, ...r.data.results.map((res) => ({ ...res, key: `${i}:${res.fileId}` }))]);
        setSkipped((prev) => [...prev, ...r.data.skipped.map((s) => `${s.container} → ${s.fileName}：${s.reason}`)]);
      } else {
        setRows((prev) => [...prev, { key: `${i}:failed`, fileName, failed: r.error.message }]);
      }
      setProgress({ done: i + 1, total: taken.length });
    }
    setReload((n) => n + 1);
  };

  const counts = INTAKE_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length] as const).filter(
    ([, n]) => n > 0,
  );
  const failed = rows.filter((r) => r.failed).length;

  return (
    <div className="page">
      <PageHead title="收取报表" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div
          data-testid="intake-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void receive(Array.from(e.dataTransfer.files));
          }}
          style={{
            border: `1px dashed ${dragging ? '#1677ff' : '#d9d9d9'}`,
            borderRadius: 8,
            padding: '16px 12px',
            textAlign: 'center',
            background: dragging ? '#e6f4ff' : '#fafafa',
          }}
        >
          <p style={{ margin: '0 0 8px' }}>
            <InboxOutlined style={{ fontSize: 28, color: '#1677ff' }} />
          </p>
          <p style={{ margin: '0 0 12px' }}>
            把各县（区）报来的月报拖到这里：可一次多个文件、一个文件夹里的全部文件，或微信、邮件收到的 .zip
            压缩包（压缩包内的中文文件名也能识别）。
          </p>
          <Space wrap style={{ justifyContent: 'center' }}>
            <input
              ref={files}
              type="file"
              multiple
              accept={ACCEPT}
              style={{ display: 'none' }}
              data-testid="intake-files"
              onChange={(e) => void receive(Array.from(e.target.files ?? [])).finally(() => (e.target.value = ''))}
            />
            <input
              ref={folder}
              type="file"
              multiple
              style={{ display: 'none' }}
              data-testid="intake-folder"
              {...({ webkitdirectory: '' } as Record<string, string>)}
              onChange={(e) => void receive(Array.from(e.target.files ?? [])).finally(() => (e.target.value = ''))}
            />
            <Button type="primary" icon={<UploadOutlined />} disabled={busy} onClick={() => files.current?.click()}>
              选择文件（可多选）
            </Button>
            <Button icon={<FolderOpenOutlined />} disabled={busy} onClick={() => folder.current?.click()}>
              选择文件夹
            </Button>
            <Button icon={<FileZipOutlined />} disabled={busy} onClick={() => files.current?.click()}>
              选择压缩包
            </Button>
          </Space>
        </div>
        {progress && (
          <div style={{ marginTop: 12 }} data-testid="intake-progress">
            <Progress
              percent={progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100)}
              size="small"
              status={busy ? 'active' : 'success'}
            />
            <span className="muted">
              {busy
                ? `正在收取第 ${progress.done + 1} 个，共 ${progress.total} 个文件`
                : `已处理 ${progress.total} 个文件`}
            </span>
          </div>
        )}
      </Card>
      {rows.length > 0 && (
        <Card
          size="small"
          title="本次收取结果"
          extra={
            <Space data-testid="intake-counts">
              {counts.map(([o, n]) => (
                <Tag key={o} color={OUTCOME_COLORS[o]}>
                  {o} {n}
                </Tag>
              ))}
              {failed > 0 && <Tag color="red">未能处理 {failed}</Tag>}
            </Space>
          }
        >
          <IntakeTable rows={rows} onAccept={setAccepting} />
        </Card>
      )}
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`以下文件未收取（${skipped.length} 个）`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {skipped.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          }
        />
      )}
      <IntakeHistory reload={reload} onAccept={setAccepting} />
      <AcceptDialog
        row={accepting}
        onClose={() => setAccepting(null)}
        onAccepted={(res) => {
          setRows((prev) => prev.map((r) => (r.fileId === res.fileId ? { ...res, key: r.key } : r)));
          setAccepting(null);
          setReload((n) => n + 1);
        }}
      />
    </div>
  );
}
