// 批量设置 in the people list: a tick box on every row, a bar with what is ticked, and one form
// for 所属指导员, 乡镇, 保险 and 离岗 sent as one person.bulkSet (all saved or none; a refusal
// names the person). 全选 ticks every person under the list's current search and filters.
import { useMemo, useState } from 'react';
import { Button, Checkbox, Space } from 'antd';
import type { Result } from '../../../core/api';
import { personBulkChanges } from '../../../core/schemas/personnelBulk';
import { call, callByName } from '../../api/call';
import type { PersonRecord } from '../../api/types';
import { toast } from '../../app/feedback';
import { FormModal } from '../../forms/FormModal';
import type { FormSpec } from '../../forms/fieldSpec';
import type { Column } from '../../lists/columns';
import { peopleList } from '../../stores/lists';

/** person.bulkSet takes at most this many. */
const MAX = 5000;

const spec: FormSpec = {
  schema: personBulkChanges,
  items: [
    { section: '所属关系（留空的项不修改）' },
    { name: 'supervisorId', span: 12, ref: 'person', refFilters: () => ({ role: '普查指导员', status: '在岗' }) },
    { name: 'townshipId', span: 12, ref: 'township', help: '改到其他乡镇时，原所属村（社区）会清空' },
    { section: '意外保险' },
    { name: 'insuranceCompany', span: 12 },
    { name: 'insurancePolicyNo', span: 12 },
    { name: 'insuranceStart', span: 12 },
    { name: 'insuranceEnd', span: 12 },
    { section: '离岗（填写离岗日期则所选人员全部离岗）' },
    { name: 'leftDate', span: 12 },
    { name: 'leftReason', span: 12 },
  ],
};

export function usePeopleSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // The box sits in the first column (人员编号), which stays in place when the list scrolls sideways.
  const withTicks = useMemo(
    () =>
      ([first, ...rest]: Column<PersonRecord>[]): Column<PersonRecord>[] => [
        {
          ...first,
          width: first.width + 28,
          render: (p) => (
            <>
              {/* The row opens the person; the box only ticks. */}
              <span className="batch-tick" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                <Checkbox
                  checked={selected.has(p.id)}
                  aria-label={`选择 ${p.name}`}
                  data-testid="person-select"
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
              </span>{' '}
              {first.render(p)}
            </>
          ),
        },
        ...rest,
      ],
    [selected],
  );
  return { selected, setSelected, withTicks };
}

/** Every id under the list's current search and filters. */
async function allIds(): Promise<number[] | string> {
  const { q, filters } = peopleList.getState();
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const r = await callByName('person.list', {
      q: q.trim() || undefined,
      filters: Object.keys(filters).length ? filters : undefined,
      page,
      pageSize: 1000,
    });
    if (!r.ok) return r.error.message;
    const data = r.data as { rows: { id: number }[]; total: number };
    if (data.total > MAX) return `筛选结果共 ${data.total} 人，一次最多设置 ${MAX} 人，请先筛选缩小范围`;
    ids.push(...data.rows.map((row) => row.id));
    if (data.rows.length < 1000 || ids.length >= data.total) return ids;
  }
}

/** The batch sent; a refusal's fields re-rooted onto the form's (changes.supervisorId → supervisorId). */
async function bulkSet(ids: number[], changes: Record<string, unknown>): Promise<Result<unknown>> {
  const r = await call('person.bulkSet', { ids, changes: changes as never });
  if (r.ok) return r;
  const issues = r.error.issues.map((i) => ({ ...i, path: i.path.replace(/^changes\./, '') }));
  return { ok: false, error: { ...r.error, issues } };
}

interface BarProps {
  selected: ReadonlySet<number>;
  setSelected: (s: ReadonlySet<number>) => void;
}

export function PeopleBatchBar({ selected, setSelected }: BarProps) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const total = peopleList((s) => s.total);
  const pickAll = async () => {
    setPicking(true);
    const r = await allIds();
    setPicking(false);
    if (typeof r === 'string') return toast.error(r);
    setSelected(new Set(r));
  };
  return (
    <div className="batch-bar" data-testid="people-batch-bar">
      <Space wrap>
        <span data-testid="people-selected">{selected.size ? `已选 ${selected.size} 人` : '勾选人员后可批量设置'}</span>
        <Button size="small" loading={picking} onClick={() => void pickAll()} data-testid="people-select-all">
          全选筛选结果{total != null ? `（${total} 人）` : ''}
        </Button>
        {selected.size > 0 && (
          <>
            <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="people-bulk-set">
              批量设置
            </Button>
            <Button size="small" type="link" onClick={() => setSelected(new Set())}>
              取消选择
            </Button>
          </>
        )}
      </Space>
      <FormModal
        open={open}
        title={`批量设置（已选 ${selected.size} 人）`}
        spec={spec}
        initial={{}}
        okText="保存"
        idPrefix="bulk"
        width={720}
        successText={`已批量设置 ${selected.size} 人`}
        submit={(changes) => bulkSet([...selected], changes)}
        onDone={() => setSelected(new Set())}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}
