// The first-run wizard's step for a county office: its townships and villages from the division
// dataset (divisions/towns-<province>.json beside the page, made at build time), all ticked for the
// clerk to review and untick, and the work plan to start with. setup.init creates what is kept.
import { useState } from 'react';
import { Alert, Button, Radio, Space, Tree, Typography } from 'antd';
import { Warning } from '../../format/Warning';
import {
  administrativeVillages,
  countyTowns,
  townFileName,
  type TownFile,
  type TownshipDraft,
} from '../../../core/divisions/towns';
import { WORK_PLANS, WORK_PLAN_LABELS, PLAN_REFERENCE_DATE, moveDeadline, type WorkPlan } from '../../../core/workPlan';

export interface TownsState {
  /** The county code the list was loaded for. */
  county: string | null;
  towns: TownshipDraft[];
  /** Ticked township and village codes. */
  checked: string[];
  workPlan: WorkPlan;
  /** Why the dataset offered nothing (not found, or not loaded). */
  note: string | null;
}

export const INITIAL_TOWNS: TownsState = {
  county: null,
  towns: [],
  checked: [],
  workPlan: '二污普工作要点',
  note: null,
};

/** The county's townships and villages, everything ticked; an empty list says why. */
export async function loadTowns(county: string, workPlan: WorkPlan): Promise<TownsState> {
  try {
    const res = await fetch(townFileName(county.slice(0, 2)));
    if (!res.ok) throw new Error(String(res.status));
    const towns = countyTowns((await res.json()) as TownFile, county);
    const checked = towns.flatMap((t) => [t.code, ...t.villages.map((v) => v.code)]);
    const note = towns.length ? null : `区划库中没有县级区划代码 ${county} 的乡镇（街道），可在进入后逐个添加或导入。`;
    return { county, towns, checked, workPlan, note };
  } catch {
    return { county, towns: [], checked: [], workPlan, note: '未能读取区划库，乡镇（街道）可在进入后逐个添加或导入。' };
  }
}

/** What setup.init gets: each township ticked or with a ticked village, with its ticked villages. */
export function keptTownships(s: TownsState): TownshipDraft[] {
  const on = new Set(s.checked);
  return s.towns
    .map((t) => ({ ...t, villages: t.villages.filter((v) => on.has(v.code)) }))
    .filter((t) => on.has(t.code) || t.villages.length > 0);
}

export function TownsStep({
  state,
  onChange,
  referenceDate,
}: {
  state: TownsState;
  onChange: (s: TownsState) => void;
  referenceDate: string;
}) {
  const [expanded, setExpanded] = useState<string[]>([]);
  const kept = keptTownships(state);
  const villages = kept.reduce((n, t) => n + t.villages.length, 0);
  const adminVillages = kept.reduce((n, t) => n + administrativeVillages(t.villages), 0);
  const treeData = state.towns.map((t) => ({
    key: t.code,
    title: (
      <span data-testid={`town-${t.code}`}>
        {t.name}{' '}
        <Typography.Text type="secondary">
          {t.code} · {t.villages.length}个村（社区）
        </Typography.Text>
      </span>
    ),
    children: t.villages.map((v) => ({
      key: v.code,
      title: (
        <span data-testid={`town-${v.code}`}>
          {v.name} <Typography.Text type="secondary">{v.code}</Typography.Text>
        </span>
      ),
    })),
  }));
  const all = state.towns.flatMap((t) => [t.code, ...t.villages.map((v) => v.code)]);
  // The date box may hold a half-typed day: the hint waits for a whole one.
  const firstDeadline = /^\d{4}-\d{2}-\d{2}$/.test(referenceDate)
    ? moveDeadline('2018-01-31', PLAN_REFERENCE_DATE, referenceDate)
    : null;
  return (
    <div data-testid="setup-towns">
      <Alert
        type="info"
        showIcon
        title="本县的乡镇（街道）和村（社区）已按区划库全部勾选：请核对，取消勾选不需要的。进入后仍可在“区划”中增删改。"
        style={{ marginBottom: 12 }}
      />
      {state.note ? (
        <Warning title={state.note} data-testid="setup-towns-note" />
      ) : (
        <>
          <Space style={{ marginBottom: 8 }} wrap>
            <span data-testid="setup-towns-summary">
              已选 {kept.length} 个乡镇（街道）、{villages} 个村（社区），其中行政村 {adminVillages}{' '}
              个（进度调度表第11行）
            </span>
            <Button size="small" onClick={() => onChange({ ...state, checked: all })} data-testid="setup-towns-all">
              全选
            </Button>
            <Button size="small" onClick={() => onChange({ ...state, checked: [] })} data-testid="setup-towns-none">
              全不选
            </Button>
          </Space>
          <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 4 }}>
            <Tree
              checkable
              selectable={false}
              virtual
              height={300}
              treeData={treeData}
              checkedKeys={state.checked}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onCheck={(keys) =>
                onChange({ ...state, checked: (Array.isArray(keys) ? keys : keys.checked).map(String) })
              }
            />
          </div>
        </>
      )}
      <div style={{ marginTop: 16 }}>
        <div style={{ fontWeight: 500, marginBottom: 6 }}>工作要点</div>
        <Radio.Group
          value={state.workPlan}
          onChange={(e) => onChange({ ...state, workPlan: e.target.value as WorkPlan })}
          data-testid="setup-workplan"
        >
          <Space orientation="vertical">
            {WORK_PLANS.map((p) => (
              <Radio key={p} value={p}>
                {WORK_PLAN_LABELS[p]}
                {p === '二污普工作要点' && firstDeadline && (
                  <Typography.Text type="secondary">
                    {' '}
                    按标准时点 {referenceDate} 排定，第一项截止 {firstDeadline}
                  </Typography.Text>
                )}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </div>
    </div>
  );
}
