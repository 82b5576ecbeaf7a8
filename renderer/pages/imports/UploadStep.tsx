// Step 1: the columns expected, the file chosen, reading and checking with progress and 取消, the
// reason a file or a check was refused, and the warning that this very file was imported before.
import { useRef } from 'react';
import { Alert, Button, Card, Progress, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportKind } from '../../../core/imports/kinds';
import { ExpectedColumns } from './ExpectedColumns';
import { TemplateButton } from './TemplateButton';
import { LAYOUT_ERRORS, type ImportFlowState } from './useImportFlow';
import { localTime } from '../../format/display';

const PHASES: Record<string, string> = {
  parsing: '正在读取文件',
  validating: '正在逐行检查',
  ready: '检查完成',
  failed: '失败',
  cancelled: '已取消',
};

export function UploadStep({ kind, flow }: { kind: ImportKind; flow: ImportFlowState }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { uploaded, busy, progress, error } = flow;
  const checking = busy === '正在检查';
  return (
    <Card size="small" title="1. 选择文件">
      <ExpectedColumns kind={kind} />
      <Space wrap>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xls,.ods,.csv,.txt"
          style={{ display: 'none' }}
          data-testid="import-file"
          onChange={(e) => void flow.choose(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
        <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={Boolean(busy)}>
          选择 Excel 或 CSV 文件
        </Button>
        <TemplateButton kind={kind} />
        {uploaded && <span data-testid="import-file-name">{uploaded.fileName}</span>}
        {uploaded && !busy && (
          <Button type="link" onClick={() => void flow.discard()} data-testid="import-discard">
            放弃此文件
          </Button>
        )}
      </Space>
      {busy && (
        <div style={{ marginTop: 8 }} data-testid="import-busy">
          <Space>
            <span>
              {busy}
              {progress &&
                progress.total > 0 &&
                `：${PHASES[progress.phase] ?? progress.phase} ${progress.done} / ${progress.total} 行`}
              {progress && progress.total === 0 && progress.phase === 'parsing' && `：${PHASES.parsing}`}
            </span>
            {checking && (
              <Button size="small" onClick={() => void flow.cancel()} data-testid="import-cancel">
                取消
              </Button>
            )}
          </Space>
          {progress && progress.total > 0 && (
            <Progress size="small" percent={Math.floor((progress.done / progress.total) * 100)} />
          )}
        </div>
      )}
      {error && !(LAYOUT_ERRORS.has(error.code) && flow.sheets.length > 0) && (
        <Alert
          style={{ marginTop: 8 }}
          type={error.code === 'CANCELLED' ? 'warning' : 'error'}
          showIcon
          title={error.message}
          data-testid="import-error"
          data-code={error.code}
          action={
            // After a cancel, or a commit refused because records changed since the preview
            // (PREVIEW_STALE says 请重新预览): the same file checked again, the new values shown.
            (error.code === 'CANCELLED' || error.code === 'PREVIEW_STALE') && uploaded ? (
              <Button size="small" onClick={() => void flow.relayout(flow.choice)} data-testid="import-retry">
                重新检查
              </Button>
            ) : undefined
          }
        />
      )}
      {uploaded && uploaded.previousImports.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="import-duplicate"
          title={`这个文件已经导入过 ${uploaded.previousImports.length} 次（最近一次：${localTime(uploaded.previousImports[0].at)}，${uploaded.previousImports[0].operatorName}），确认导入时会再次询问。`}
        />
      )}
    </Card>
  );
}
