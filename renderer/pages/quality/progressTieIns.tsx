// What 质量与督办 adds to the progress table page (进度调度表): the per-period choice of where
// columns 13–14 come from, and the draft of 存在问题 from the problem ledger.
import { useCallback, useEffect, useState } from 'react';
import { Button, Segmented, Tooltip } from 'antd';
import type { QualitySource } from '../../../core/schemas/quality';
import { call } from '../../api/call';
import { confirm, toast } from '../../app/feedback';

/** The period's source of columns 13–14, and a setter that saves it (null while loading). */
export function useQualitySource(period: string | null) {
  const [source, setSource] = useState<QualitySource | null>(null);
  useEffect(() => {
    if (!period) return;
    let live = true;
    setSource(null);
    void call('quality.feed', { period }).then((r) => {
      if (live && r.ok) setSource(r.data.source);
    });
    return () => {
      live = false;
    };
  }, [period]);
  const save = useCallback(
    async (next: QualitySource): Promise<boolean> => {
      if (!period) return false;
      const r = await call('quality.setSource', { period, source: next });
      if (!r.ok) {
        toast.error(r.error.message);
        return false;
      }
      setSource(r.data.source);
      return true;
    },
    [period],
  );
  return { source, save };
}

/** The columns a period takes from the quality records are shown, not typed. */
export const fixedQualityColumns = (source: QualitySource | null): ReadonlySet<string> =>
  new Set(source === '质量核查' ? ['c13', 'c14'] : []);

interface SwitchProps {
  source: QualitySource | null;
  writer: boolean;
  /** Unsaved figures would be lost by the reload that follows a switch. */
  dirty: boolean;
  onSwitch: (next: QualitySource) => Promise<boolean>;
  onSwitched: () => void;
}

export function QualitySourceSwitch({ source, writer, dirty, onSwitch, onSwitched }: SwitchProps) {
  if (!source) return null;
  const control = (
    <Segmented<QualitySource>
      size="small"
      value={source}
      disabled={!writer || dirty}
      options={[
        { value: '填报', label: '手工填报' },
        { value: '质量核查', label: '取自质量核查记录' },
      ]}
      onChange={(next) => void onSwitch(next).then((ok) => ok && onSwitched())}
      data-testid="quality-source"
    />
  );
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span className="muted">第13、14列</span>
      {dirty ? <Tooltip title="请先保存草稿再切换取数方式">{control}</Tooltip> : control}
    </span>
  );
}

/** Fills 存在问题 with the ledger's draft for the period; the clerk edits it and saves the table. */
export function ProblemsDraftButton({
  period,
  current,
  onDraft,
}: {
  period: string;
  current: string;
  onDraft: (text: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const draft = async () => {
    setBusy(true);
    const r = await call('problem.draft', { period });
    setBusy(false);
    if (!r.ok) return toast.error(r.error.message);
    if (
      current.trim() &&
      !(await confirm({ title: '用问题台账生成的草稿替换“存在问题”中已有的文字？', okText: '替换' }))
    )
      return;
    onDraft(r.data.text);
    toast.success(`已生成草稿（${r.data.items} 项，其中未办结 ${r.data.open} 项），请修改后保存`);
  };
  return (
    <Button size="small" loading={busy} onClick={() => void draft()} data-testid="problems-draft">
      由问题台账生成
    </Button>
  );
}
