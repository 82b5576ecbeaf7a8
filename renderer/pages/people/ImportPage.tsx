// 人员管理 → 导入 (docs/imports.md): choose the roster file, see how its columns map to the
// roster's fields (the clerk may fix any), the counts and every refused row, download the refused
// rows to correct them, then 确认导入. Nothing is written before 确认导入.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Radio, Select, Space, Statistic, Table } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { OutputOf } from '../../../core/api';
import { call } from '../../api/call';
import { downloadBase64, fileToBase64 } from '../../api/download';
import { confirm, toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';
import { peopleList } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { PageHead } from '../PageHead';

type Preview = OutputOf<'import.preview'>;
type Uploaded = OutputOf<'import.upload'>;
type Committed = OutputOf<'import.commit'>;
type Mapping = Record<string, string | null>;

const PHASES: Record<string, string> = { parsing: '正在读取文件', validating: '正在逐行检查', ready: '检查完成', failed: '失败', cancelled: '已取消' };

export function ImportPage() {
  const writer = canWrite(useSession((s) => s.operator));
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onExisting, setOnExisting] = useState<'update' | 'skip'>('update');
  const [result, setResult] = useState<Committed | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const asked = useRef(0);
  const importId = uploaded?.importId;
  // A staged file left uncommitted is dropped when the page closes.
  const staged = useRef<string | null>(null);
  useEffect(() => () => void (staged.current && call('import.discard', { importId: staged.current })), []);

  const runPreview = async (id: string, given?: Mapping) => {
    const mine = ++asked.current;
    setBusy('正在检查');
    setError(null);
    const poll = setInterval(() => {
      void call('import.progress', { importId: id }).then((r) => r.ok && mine === asked.current && setProgress(r.data));
    }, 300);
    const r = await call('import.preview', { importId: id, show: 'errors', pageSize: 50, ...(given ? { mapping: given } : {}) });
    clearInterval(poll);
    if (mine !== asked.current) return;
    setBusy(null);
    setProgress(null);
    if (!r.ok) return setError(r.error.message);
    setPreview(r.data);
    setMapping(Object.fromEntries(r.data.columns.map((c) => [c.letter, c.field])));
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setPreview(null);
    setResult(null);
    setBusy('正在上传');
    try {
      const contentBase64 = await fileToBase64(file);
      const r = await call('import.upload', { kind: 'person', fileName: file.name, contentBase64 });
      if (!r.ok) {
        setBusy(null);
        return setError(r.error.message);
      }
      setUploaded(r.data);
      staged.current = r.data.importId;
      await runPreview(r.data.importId);
    } catch (e) {
      setBusy(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const remap = (letter: string, field: string | null) => {
    if (!importId) return;
    const next = { ...mapping, [letter]: field };
    setMapping(next);
    void runPreview(importId, next);
  };

  const downloadErrors = async () => {
    if (!importId) return;
    const r = await call('import.errors', { importId });
    if (!r.ok) return toast.error(r.error.message);
    downloadBase64(r.data.contentBase64, r.data.fileName);
  };

  const commit = async () => {
    if (!importId || !preview) return;
    const previous = preview.previousImports;
    let acceptDuplicateFile = false;
    if (previous.length > 0) {
      const last = previous[0];
      const ok = await confirm({
        title: '这个文件已经导入过',
        content: `同一文件已于 ${last.at.slice(0, 16).replace('T', ' ')} 由 ${last.operatorName} 导入（新增 ${last.created} 人）。确定仍然导入？`,
        okText: '仍然导入',
      });
      if (!ok) return;
      acceptDuplicateFile = true;
    }
    setBusy('正在导入');
    const r = await call('import.commit', { importId, onExisting, acceptDuplicateFile });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    setResult(r.data);
    staged.current = null;
    setUploaded(null);
    setPreview(null);
    peopleList.getState().reload();
    toast.success(`已导入：新增 ${r.data.created} 人，更新 ${r.data.updated} 人`);
  };

  const fieldOptions = [{ value: '', label: '（不导入）' }, ...(preview?.fields ?? []).map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label }))];
  const counts = preview?.counts;

  return (
    <div className="page" data-testid="import-page">
      <PageHead back="#/people" title="导入人员花名册" />
      {!writer && <Alert type="info" showIcon title="只有录入员和管理员可以确认导入；您可以查看检查结果。" />}
      <Card size="small" title="1. 选择文件">
        <Space wrap>
          <input ref={fileInput} type="file" accept=".xlsx,.xls,.ods,.csv,.txt" style={{ display: 'none' }} data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
          <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={Boolean(busy)}>
            选择 Excel 或 CSV 文件
          </Button>
          {uploaded && <span>{uploaded.fileName}</span>}
        </Space>
        {busy && (
          <div style={{ marginTop: 8 }} data-testid="import-busy">
            {busy}
            {progress && progress.total > 0 && `：${PHASES[progress.phase] ?? progress.phase} ${progress.done} / ${progress.total} 行`}
            {progress && progress.total > 0 && <Progress size="small" percent={Math.floor((progress.done / progress.total) * 100)} />}
          </div>
        )}
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} data-testid="import-error" />}
        {uploaded && uploaded.previousImports.length > 0 && (
          <Alert style={{ marginTop: 8 }} type="warning" showIcon data-testid="import-duplicate" title={`这个文件已经导入过 ${uploaded.previousImports.length} 次，确认导入时会再次询问。`} />
        )}
      </Card>

      {result && (
        <Card size="small" title={`导入完成：${result.fileName}`} data-testid="import-result" data-created={result.created}>
          <Space size="large" wrap>
            <Statistic title="新增" value={result.created} />
            <Statistic title="更新" value={result.updated} />
            <Statistic title="无变化" value={result.unchanged} />
            <Statistic title="跳过" value={result.skipped} />
            <Statistic title="未导入（有错误）" value={result.rejected} />
          </Space>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void navigate(href('/people'))}>
              查看人员名单
            </Button>
          </div>
        </Card>
      )}

      {preview && counts && (
        <>
          <Card size="small" title="2. 核对列的对应关系">
            <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
              <Descriptions.Item label="工作表">{preview.sheet}</Descriptions.Item>
              <Descriptions.Item label="表头">
                {preview.header.first === preview.header.last ? `第 ${preview.header.first} 行` : `第 ${preview.header.first}–${preview.header.last} 行`}
              </Descriptions.Item>
              <Descriptions.Item label="数据">
                第 {preview.dataRows.first}–{preview.dataRows.last} 行，共 {preview.dataRows.count} 行
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="letter"
              pagination={false}
              style={{ maxWidth: 760 }}
              scroll={{ y: 300 }}
              data-testid="import-mapping"
              dataSource={preview.columns}
              columns={[
                { title: '列', dataIndex: 'letter', width: 60 },
                { title: '文件中的表头', dataIndex: 'header', width: 380, render: (h: string, c) => (c.unit ? `${h}（${c.unit}）` : h) },
                {
                  title: '导入为',
                  width: 260,
                  render: (_: unknown, c) => (
                    <Select
                      style={{ width: 240 }}
                      data-testid={`map-${c.letter}`}
                      virtual={false}
                      value={mapping[c.letter] ?? ''}
                      disabled={Boolean(busy) || !!result}
                      onChange={(v: string) => remap(c.letter, v || null)}
                      options={fieldOptions}
                    />
                  ),
                },
              ]}
            />
          </Card>

          <Card size="small" title="3. 检查结果">
            {preview.problems.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="import-problems" title="需要先解决以下问题才能导入" description={preview.problems.join('；')} />
            )}
            <Space size="large" wrap data-testid="import-counts" data-new={counts.new} data-update={counts.update} data-errors={counts.errors}>
              <Statistic title="新增" value={counts.new} />
              <Statistic title="更新" value={counts.update} />
              <Statistic title="无变化" value={counts.unchanged} />
              <Statistic title="有错误" value={counts.errors} styles={{ content: counts.errors ? { color: '#cf1322' } : undefined }} />
            </Space>
            {preview.errorCount > 0 && (
              <>
                <div style={{ margin: '12px 0 8px', display: 'flex', gap: 8, alignItems: 'center' }}>
                  <span>
                    有错误的行不会导入（{preview.errorCount} 处错误）。可下载错误行，改正后再导入。
                  </span>
                  <Button icon={<DownloadOutlined />} onClick={() => void downloadErrors()} data-testid="import-download-errors">
                    下载错误行
                  </Button>
                </div>
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
                  pagination={preview.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  data-testid="import-errors"
                  dataSource={preview.errors}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 70 },
                    { title: '列', width: 180, render: (_: unknown, e) => (e.column ? `${e.column}${e.header ? ` ${e.header}` : ''}` : '—') },
                    { title: '原因', dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </Card>

          <Card size="small" title="4. 确认导入">
            <Space orientation="vertical">
              <Radio.Group
                value={onExisting}
                onChange={(e) => setOnExisting(e.target.value as 'update' | 'skip')}
                options={[
                  { value: 'update', label: '已有的人员（按公民身份号码）用文件中的内容更新' },
                  { value: 'skip', label: '已有的人员保持不变（跳过）' },
                ]}
              />
              <Button
                type="primary"
                data-testid="import-commit"
                disabled={!writer || Boolean(busy) || preview.problems.length > 0 || counts.new + (onExisting === 'update' ? counts.update : 0) === 0}
                loading={busy === '正在导入'}
                onClick={() => void commit()}
              >
                确认导入
              </Button>
              {preview.problems.length === 0 && counts.new + (onExisting === 'update' ? counts.update : 0) === 0 && (
                <span className="muted" data-testid="import-nothing">
                  文件中没有需要导入的新人员{onExisting === 'update' ? '或变更' : ''}。
                </span>
              )}
            </Space>
          </Card>
        </>
      )}
    </div>
  );
}
