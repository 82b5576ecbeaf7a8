// 进度调度表 for one period, county-wide or for one township: type the figures, see broken rules
// in red at once, save as a draft, and mark 已上报 once every broken rule holds or is explained.
import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Col, Input, Row, Space, Spin, Tag } from 'antd';
import { todayIso } from '../../../core/dates';
import { blockingViolations, rowLabel } from '../../../core/progressRules';
import { PERIOD_PATTERN } from '../../../core/schemas/workplan';
import { parseMonthEntry } from '../../../core/dateEntry';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { useFormShortcuts } from '../../forms/formKeys';
import { RefSelect } from '../../forms/RefSelect';
import { localTime } from '../../format/display';
import { StatusTag } from '../../format/StatusTag';
import { href, navigate, useRoute } from '../../router/route';
import { canWrite, useSession } from '../../stores/session';
import { FiguresGrid } from './FiguresGrid';
import { useProgressTable, type Texts } from './useProgressTable';
import {
  ProblemsDraftButton,
  QualitySourceSwitch,
  fixedQualityColumns,
  useQualitySource,
} from '../quality/progressTieIns';

/** A typed 报告期: a period as stored (2018-06, 2018-06-上), or a month typed as 2018年6月 or 2018/06. */
function typedPeriod(text: string): string | null {
  const t = text.trim();
  if (PERIOD_PATTERN.test(t)) return t;
  const m = parseMonthEntry(t);
  return m.kind === 'ok' ? m.value : null;
}

export function currentPeriod(rhythm: string | undefined): string {
  const today = todayIso();
  if (rhythm !== '每两周') return today.slice(0, 7);
  return `${today.slice(0, 7)}-${Number(today.slice(8, 10)) <= 15 ? '上' : '下'}`;
}

const TEXTS: { key: keyof Texts; label: string }[] = [
  { key: 'mainWork', label: '本期主要工作' },
  { key: 'problems', label: '存在问题' },
  { key: 'nextPlan', label: '下期工作计划' },
];

export function FiguresTab() {
  const route = useRoute();
  const office = useSession((s) => s.office);
  const writer = canWrite(useSession((s) => s.operator));
  const period = route.query.period || currentPeriod(office?.reportRhythm);
  const townshipId = route.query.township ? Number(route.query.township) : null;
  const [typed, setTyped] = useState(period);
  useEffect(() => setTyped(period), [period]);
  const periods = useRead('progress.periods', { townshipId });
  const t = useProgressTable(PERIOD_PATTERN.test(period) ? period : null, townshipId);
  const quality = useQualitySource(PERIOD_PATTERN.test(period) ? period : null);

  const go = (p: string, township: number | null) =>
    void navigate(
      href('/progress', { tab: 'figures', period: p, township: township === null ? undefined : String(township) }),
      { replace: true },
    );
  const report = (message: string | null, done: string) => (message ? toast.error(message) : toast.success(done));
  const save = async () => report(await t.save(), '已保存草稿');
  useFormShortcuts(writer, () => void save());

  const blocking = t.view ? blockingViolations(t.view.violations) : [];
  const markReported = async () => {
    if (
      !(await confirm({
        title: `将 ${period} 进度调度表标记为已上报？`,
        content: '标记后仍可修改，修改后需重新上报。',
      }))
    )
      return;
    report(await t.markReported(), '已标记为已上报');
    periods.reload();
  };

  return (
    <div data-testid="figures-tab">
      <div className="list-toolbar">
        <span>报告期</span>
        <AutoComplete
          style={{ width: 150 }}
          value={typed}
          options={[...new Set([period, ...(periods.data ?? []).map((p) => p.period)])].map((p) => ({ value: p }))}
          onChange={(v: string) => setTyped(v)}
          onSelect={(v: string) => go(v, townshipId)}
          onBlur={() => {
            const p = typedPeriod(typed);
            if (p && p !== period) go(p, townshipId);
          }}
          placeholder="如 2018-06"
          aria-label="报告期"
        />
        <div style={{ width: 200 }}>
          <RefSelect
            source="township"
            value={townshipId}
            placeholder="全县（县级表）"
            onChange={(v) => go(period, (v as number | null) ?? null)}
          />
        </div>
        {t.table && (
          <Space>
            <span data-testid="figures-status">
              {t.table.status ? <StatusTag value={t.table.status} /> : <Tag>尚未填报</Tag>}
            </span>
            {t.table.updatedAt && <span className="muted">最后保存 {localTime(t.table.updatedAt)}</span>}
            {t.table.previousPeriod && <span className="muted">上期 {t.table.previousPeriod}</span>}
            <QualitySourceSwitch
              source={quality.source}
              writer={writer}
              dirty={t.dirty}
              onSwitch={quality.save}
              onSwitched={t.reload}
            />
          </Space>
        )}
        {writer && (
          <span className="list-actions">
            {townshipId === null && (t.table?.townshipReportCount ?? 0) > 0 && (
              <Button disabled={t.busy} onClick={() => void t.aggregate().then((m) => report(m, '已由各乡镇报表汇总'))}>
                由各乡镇汇总（{t.table?.townshipReportCount}）
              </Button>
            )}
            <Button
              type="primary"
              loading={t.busy}
              disabled={!t.dirty}
              onClick={() => void save()}
              data-testid="figures-save"
            >
              保存草稿（Ctrl+S）
            </Button>
            <Button
              disabled={t.dirty || blocking.length > 0 || !t.table?.status}
              onClick={() => void markReported()}
              data-testid="figures-report"
            >
              标记为已上报
            </Button>
          </span>
        )}
      </div>
      {!PERIOD_PATTERN.test(period) && (
        <Alert type="error" showIcon title="报告期格式不正确：按月为 2018-06，两周一报为 2018-06-上 或 2018-06-下" />
      )}
      {t.error && <Alert type="error" showIcon title={t.error} />}
      {!t.table || !t.view ? (
        !t.error && <Spin />
      ) : (
        <>
          <FiguresGrid
            table={t.table}
            cells={t.cells}
            view={t.view}
            issues={t.issues}
            editable={writer}
            onCell={t.setCell}
            fixed={fixedQualityColumns(quality.source)}
          />
          {t.view.violations.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type={blocking.length ? 'error' : 'warning'}
              showIcon
              title={
                blocking.length
                  ? `有 ${blocking.length} 处数字不符合规则：可以保存草稿，但须改正或在该行备注中说明后才能标记为已上报`
                  : '不符合规则的数字均已在备注中说明'
              }
              description={
                <ul className="rule-list" data-testid="rule-list">
                  {t.view.violations.map((v, i) => (
                    <li key={i} className={v.noted ? 'noted' : undefined}>
                      {rowLabel(v.rowCode, t.table?.rows.find((r) => r.rowCode === v.rowCode)?.name)}：{v.rule}
                      {v.noted ? '（已在备注中说明）' : ''}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Row gutter={16} style={{ marginTop: 12 }}>
            {TEXTS.map((x) => (
              <Col span={8} key={x.key}>
                <Card
                  size="small"
                  title={x.label}
                  extra={
                    x.key === 'problems' &&
                    writer && (
                      <ProblemsDraftButton
                        period={period}
                        current={t.texts.problems}
                        onDraft={(text) => t.setText('problems', text)}
                      />
                    )
                  }
                >
                  <Input.TextArea
                    aria-label={x.label}
                    disabled={!writer}
                    autoSize={{ minRows: 3, maxRows: 8 }}
                    value={t.texts[x.key]}
                    onChange={(e) => t.setText(x.key, e.target.value)}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
