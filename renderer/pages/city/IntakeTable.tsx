// What became of every workbook taken in: its unit, period and version, the outcome and why, the
// cells a failed digest found; 下载原文件 and 附说明接收 where they apply.
import { Button, Space, Table, Tag } from 'antd';
import type { IntakeResult } from '../../../core/schemas/intake';
import { OUTCOME_COLORS } from './intakeLabels';
import { downloadReceived } from './downloadReceived';

/** A result, or a file whose call failed before anything was taken in (too large, unreadable upload). */
export type IntakeRow = { key: string } & (
  | (IntakeResult & { failed?: undefined })
  | ({ fileName: string; failed: string } & Partial<Omit<IntakeResult, 'fileName'>>)
);

interface Props {
  rows: IntakeRow[];
  onAccept?: (row: IntakeRow) => void;
}

export function IntakeTable({ rows, onAccept }: Props) {
  return (
    <Table<IntakeRow>
      size="small"
      data-testid="intake-results"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1000 }}
      expandable={{
        rowExpandable: (r) => (r.findings?.length ?? 0) > 0,
        expandedRowRender: (r) => (
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="intake-findings">
            {(r.findings ?? []).map((f, i) => (
              <li key={i}>
                {f.sheet} {f.cell}：{f.message}
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        {
          title: '文件',
          width: 260,
          render: (_v, r) => (
            <div>
              <div style={{ wordBreak: 'break-all' }}>{r.fileName}</div>
              {r.container && <div className="muted">来自 {r.container}</div>}
            </div>
          ),
        },
        {
          title: '单位',
          width: 130,
          render: (_v, r) => (r.unitName ? `${r.unitName}` : (r.unitCode ?? '—')),
        },
        { title: '报告期', width: 100, render: (_v, r) => r.periodText ?? r.period ?? '—' },
        { title: '版本', width: 60, render: (_v, r) => (r.version ? `第${r.version}版` : '—') },
        {
          title: '结果',
          width: 100,
          render: (_v, r) =>
            r.failed || !r.outcome ? (
              <Tag color="red">未能处理</Tag>
            ) : (
              <Tag color={OUTCOME_COLORS[r.outcome]} data-testid="intake-outcome">
                {r.outcome}
              </Tag>
            ),
        },
        {
          title: '说明',
          // The backend's reason already names the replaced version (新版本); said here only when it does not.
          render: (_v, r) =>
            r.failed ?? r.reason ?? (r.replacedVersion ? `替换第${r.replacedVersion}版（旧版本保留在历史中）` : ''),
        },
        {
          title: '操作',
          width: 190,
          render: (_v, r) =>
            r.fileId ? (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => void downloadReceived(r.fileId!, r.fileName)}>
                  下载原文件
                </Button>
                {r.acceptable && onAccept && (
                  <Button size="small" type="link" onClick={() => onAccept(r)} data-testid="intake-accept">
                    附说明接收
                  </Button>
                )}
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
