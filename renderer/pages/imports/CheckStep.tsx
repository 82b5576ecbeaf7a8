// Step 4: what the check found — faults of the whole import, the counts (new, update, unchanged,
// refused), every refused cell with its sheet row, column and reason, the refused rows as a
// workbook to correct, and the rows themselves.
import { Alert, Button, Card, Space, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PreviewRows } from './PreviewRows';
import type { ImportFlowState, Preview } from './useImportFlow';

export function CheckStep({ flow, preview }: { flow: ImportFlowState; preview: Preview }) {
  const { counts } = preview;
  return (
    <Card size="small" title="4. 检查结果">
      {preview.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="import-problems"
          title="需要先解决以下问题才能导入"
          description={preview.problems.join('；')}
        />
      )}
      <Space
        size="large"
        wrap
        data-testid="import-counts"
        data-rows={counts.rows}
        data-new={counts.new}
        data-update={counts.update}
        data-unchanged={counts.unchanged}
        data-errors={counts.errors}
      >
        <Statistic title="新增" value={counts.new} />
        <Statistic title="更新" value={counts.update} />
        <Statistic title="无变化" value={counts.unchanged} />
        <Statistic
          title="有错误"
          value={counts.errors}
          styles={{ content: counts.errors ? { color: '#cf1322' } : undefined }}
        />
      </Space>
      {preview.errorCount > 0 && (
        <>
          <div style={{ margin: '12px 0 8px', display: 'flex', gap: 8, alignItems: 'center' }}>
            <span>
              有错误的行不会导入（{preview.errorCount} 处错误
              {preview.errorCount > preview.errors.length ? `，下表列出前 ${preview.errors.length} 处` : ''}
              ）。可下载错误行，改正后再导入。
            </span>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void flow.downloadErrors()}
              data-testid="import-download-errors"
            >
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
              {
                title: '列',
                width: 180,
                render: (_: unknown, e) => (e.column ? `${e.column}${e.header ? ` ${e.header}` : ''}` : '—'),
              },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {preview.warningCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="import-warnings"
          title={`${preview.warningCount} 处提示（不影响导入，请核对）`}
          description={preview.warnings
            .slice(0, 20)
            .map((w) => `第${w.row}行${w.header ? `“${w.header}”` : ''}：${w.message}`)
            .concat(preview.warningCount > 20 ? [`……共 ${preview.warningCount} 处，见下表各行`] : [])
            .join('；')}
        />
      )}
      <PreviewRows flow={flow} preview={preview} />
    </Card>
  );
}
