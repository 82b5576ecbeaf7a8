// 入户调查明细 (docs/spec/fieldwork-and-organisation.md §1): the progress table's figures by
// 污染源类型 for a period, and the sample surveys and outfall monitoring the office records per
// period (planned, done, 完成率). Not part of R2: the city's frame has no place for them.
import { useEffect, useState } from 'react';
import { Button, Card, Input, Space, Table } from 'antd';
import { parseMonthEntry } from '../../../core/dateEntry';
import { SURVEY_ITEMS, SURVEY_UNITS, type SurveyItem } from '../../../core/fieldwork';
import { COLUMN_LABELS, type FigureColumn } from '../../../core/progressRules';
import { PERIOD_PATTERN } from '../../../core/schemas/workplan';
import { surveyFigureCreate } from '../../../core/schemas/fieldwork';
import { useRead } from '../../api/useRecord';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import type { FormSpec } from '../../forms/fieldSpec';
import { orDash, rate } from '../../format/display';
import { href, navigate, useRoute } from '../../router/route';
import { canWrite, useSession } from '../../stores/session';
import { currentPeriod } from './FiguresTab';
import type { SurveyFigureRecord } from '../organisation/stores';

const SUBTOTAL_COLUMNS: FigureColumn[] = ['c1', 'c2', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14'];
const isRate = (c: FigureColumn) => c === 'c9' || c === 'c12';

const surveyForm: FormSpec = {
  schema: surveyFigureCreate,
  items: [
    { name: 'period', span: 8, disabled: true },
    { name: 'item', span: 16, options: SURVEY_ITEMS, disabled: true },
    { name: 'planned', span: 12 },
    { name: 'done', span: 12, help: '截至本期累计' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

function typedPeriod(text: string): string | null {
  const t = text.trim();
  if (PERIOD_PATTERN.test(t)) return t;
  const m = parseMonthEntry(t);
  return m.kind === 'ok' ? m.value : null;
}

type Editing = { record: SurveyFigureRecord | null; item: SurveyItem } | null;

export function FieldworkTab() {
  const writer = canWrite(useSession((s) => s.operator));
  // The period in the address like the 进度调度表 tab (a link or a reload keeps it); by default this
  // period in the office's rhythm (half-months for 每两周).
  const route = useRoute();
  const office = useSession((s) => s.office);
  const period = route.query.period || currentPeriod(office?.reportRhythm);
  const [typed, setTyped] = useState(period);
  useEffect(() => setTyped(period), [period]);
  const [editing, setEditing] = useState<Editing>(null);
  const subtotals = useRead('fieldwork.sourceSubtotals', { period });
  const surveys = useRead('surveyFigure.list', { filters: { period }, pageSize: 50 });
  const byItem = new Map((surveys.data?.rows ?? []).map((r) => [r.item, r]));

  const apply = () => {
    const p = typedPeriod(typed);
    if (p && p !== period) void navigate(href('/progress', { tab: 'fieldwork', period: p }), { replace: true });
  };
  const figureCell = (c: FigureColumn) => (v: Record<string, number | null>) => (isRate(c) ? rate(v[c]) : orDash(v[c]));

  const subtotalRows = [
    ...(subtotals.data?.rows ?? []).map((r) => ({
      key: r.sourceType,
      name: r.sourceType,
      rows: r.rowCodes,
      f: r.figures,
    })),
    ...(subtotals.data ? [{ key: '合计', name: '合计', rows: ['01'], f: subtotals.data.total }] : []),
  ];

  return (
    <div data-testid="fieldwork-tab">
      <Space style={{ marginBottom: 12 }}>
        <span>报告期</span>
        <Input
          style={{ width: 140 }}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={apply}
          onBlur={apply}
          id="fieldwork-period"
          data-testid="fieldwork-period"
          placeholder="2018-09"
        />
      </Space>
      <Card size="small" title="入户调查进度按污染源类型小计" style={{ marginBottom: 16 }}>
        {subtotals.error && <span className="muted">{subtotals.error}</span>}
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={subtotalRows}
          data-testid="source-subtotals"
          columns={[
            { title: '污染源类型', dataIndex: 'name', width: 150 },
            { title: '对应行', dataIndex: 'rows', width: 90, render: (v: string[]) => v.join('、') },
            ...SUBTOTAL_COLUMNS.map((c) => ({
              title: `${c.slice(1)} ${COLUMN_LABELS[c]}`,
              key: c,
              align: 'right' as const,
              render: (_: unknown, r: { f: Record<string, number | null> }) => figureCell(c)(r.f),
            })),
          ]}
        />
        <div className="muted" style={{ marginTop: 8 }}>
          各类小计为“对应行”之和；生活源锅炉（台）和集中式污染治理设施的“其中”行不重复计入，各类小计之和等于合计行。
        </div>
      </Card>
      <Card size="small" title="抽样调查与排污口水质监测">
        {surveys.error && <span className="muted">{surveys.error}</span>}
        <Table
          size="small"
          rowKey="item"
          pagination={false}
          data-testid="survey-figures"
          dataSource={SURVEY_ITEMS.map((item) => ({ item, record: byItem.get(item) ?? null }))}
          columns={[
            { title: '调查项目', dataIndex: 'item', width: 240 },
            { title: '单位', render: (_, r) => SURVEY_UNITS[r.item], width: 60 },
            { title: '计划数', align: 'right', render: (_, r) => orDash(r.record?.planned) },
            { title: '完成数', align: 'right', render: (_, r) => orDash(r.record?.done) },
            { title: '完成率', align: 'right', render: (_, r) => rate(r.record?.rate) },
            { title: '备注', render: (_, r) => orDash(r.record?.note) },
            {
              title: '',
              width: 80,
              render: (_, r) =>
                writer && (
                  <Button size="small" type="link" onClick={() => setEditing({ record: r.record, item: r.item })}>
                    {r.record ? '修改' : '填报'}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <EntityFormDrawer
        entity="surveyFigure"
        label={editing?.item ?? '抽样调查与监测进度'}
        spec={surveyForm}
        open={editing !== null}
        record={editing?.record ?? null}
        defaults={{ period, item: editing?.item }}
        width={640}
        onClose={() => setEditing(null)}
        onSaved={surveys.reload}
      />
    </div>
  );
}
