// 收取记录: every file taken in before, newest first (intake.list), so a clerk who left the page can
// still find what came, download it as received, and file a DIGEST refusal with a note later.
import { useEffect, useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { call } from '../../api/call';
import { INTAKE_OUTCOMES, type IntakeOutcome } from '../../../core/schemas/intake';
import type { z } from 'zod';
import type { intakeFileRecord } from '../../../core/schemas/intake';
import { OUTCOME_COLORS } from './intakeLabels';
import { downloadReceived } from './downloadReceived';
import { localTime } from './months';
import type { IntakeRow } from './IntakeTable';

type Rec = z.output<typeof intakeFileRecord>;
const PAGE_SIZE = 20;

interface Props {
  /** Changes when a batch finishes or a file is accepted: the list is read again. */
  reload: number;
  onAccept: (row: IntakeRow) => void;
}

/** A record as the accept dialog takes it (it reads the name, unit, period and reason). */
const asRow = (r: Rec): IntakeRow => ({
  key: `h${r.id}`,
  fileName: r.fileName,
  container: r.container,
  outcome: r.outcome,
  reasonCode: r.reasonCode,
  reason: r.reason,
  unitCode: r.unitCode,
  unitName: r.unitName,
  period: r.period,
  periodText: r.periodText,
  version: r.version,
  fileId: r.id,
  reportId: r.reportId,
  replacedVersion: null,
  findings: [],
  acceptable: r.acceptable,
});

export function IntakeHistory({ reload, onAccept }: Props) {
  const [outcome, setOutcome] = useState<IntakeOutcome | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: Rec[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('intake.list', { filters: { outcome }, page, pageSize: PAGE_SIZE }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData({ rows: r.data.rows, total: r.data.total });
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [outcome, page, reload]);

  if (data && data.total === 0 && !outcome) return null;
  return (
    <Card
      size="small"
      title="收取记录"
      style={{ marginTop: 12 }}
      data-testid="intake-history"
      extra={
        <Space>
          <Select<IntakeOutcome>
            allowClear
            placeholder="全部结果"
            style={{ width: 140 }}
            value={outcome}
            options={INTAKE_OUTCOMES.map((o) => ({ value: o, label: o }))}
            onChange={(v) => {
              setOutcome(v);
              setPage(1);
            }}
            data-testid="intake-history-outcome"
          />
          {data && <span className="muted">共 {data.total} 个文件</span>}
        </Space>
      }
    >
      {error && <div style={{ color: '#ff4d4f' }}>{error}</div>}
      <Table<Rec>
        size="small"
        rowKey="id"
        loading={data === null}
        dataSource={data?.rows ?? []}
        scroll={{ x: 1300 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: '收取时间', width: 130, render: (_v, r) => localTime(r.receivedAt) },
          {
            title: '文件',
            width: 240,
            render: (_v, r) => (
              <div>
                <div style={{ wordBreak: 'break-all' }}>{r.fileName}</div>
                {r.container && <div className="muted">来自 {r.container}</div>}
              </div>
            ),
          },
          { title: '单位', width: 110, render: (_v, r) => r.unitName ?? r.unitCode ?? '—' },
          { title: '报告期', width: 100, render: (_v, r) => r.periodText ?? r.period ?? '—' },
          { title: '版本', width: 60, render: (_v, r) => (r.version ? `第${r.version}版` : '—') },
          {
            title: '结果',
            width: 110,
            render: (_v, r) => (
              <Space size={2} direction="vertical">
                <Tag color={OUTCOME_COLORS[r.outcome]} data-testid="intake-history-outcome-tag">
                  {r.outcome}
                </Tag>
                {r.replacedBy != null && <span className="muted">已被新版本替换</span>}
              </Space>
            ),
          },
          {
            title: '说明',
            width: 320,
            render: (_v, r) =>
              [r.reason, r.acceptNote ? `接收说明：${r.acceptNote}` : null].filter(Boolean).join('；') || '',
          },
          { title: '操作员', width: 80, render: (_v, r) => r.operatorName ?? '' },
          {
            title: '操作',
            width: 180,
            render: (_v, r) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => void downloadReceived(r.id, r.fileName)}>
                  下载原文件
                </Button>
                {r.acceptable && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => onAccept(asRow(r))}
                    data-testid="intake-history-accept"
                  >
                    附说明接收
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
