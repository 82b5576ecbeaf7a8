import { Pill } from '../../format/Pill';
import type { DistrictRecord, TownshipRecord, VillageRecord } from '../../api/types';
import type { Column } from '../../lists/columns';
import { codeColumn } from '../../lists/codeColumn';
import { StatusTag } from '../../format/StatusTag';

/** Assignees in post; those who have left count as no one (the list's 未安排 filter says the same). */
const count = (n: number, what: string, left: number) =>
  n === 0 ? (
    <Pill color="red">{left ? `${what}已离岗` : `未安排${what}`}</Pill>
  ) : (
    `${n} 人${left ? `（另${left}人已离岗）` : ''}`
  );
const leftOf = (d: DistrictRecord, ids: number[]) => ids.filter((id) => d.leftAssigneeIds.includes(id)).length;

export const townshipColumns: Column<TownshipRecord>[] = [
  codeColumn('code', '乡镇（街道）代码', 150),
  { key: 'name', title: '名称', width: 160, sortField: 'name', render: (t) => t.name },
  { key: 'kind', title: '类型', width: 110, render: (t) => t.kind ?? '' },
  { key: 'villages', title: '村（社区）', width: 100, align: 'right', render: (t) => t.villageCount },
  { key: 'districts', title: '普查小区', width: 100, align: 'right', render: (t) => t.districtCount },
  { key: 'note', title: '备注', width: 200, render: (t) => t.note ?? '' },
];

export const villageColumns: Column<VillageRecord>[] = [
  codeColumn('code', '村（居）代码', 150),
  { key: 'name', title: '名称', width: 160, sortField: 'name', render: (v) => v.name },
  { key: 'kind', title: '类型', width: 100, render: (v) => v.kind ?? '' },
  { key: 'township', title: '乡镇（街道）', width: 140, render: (v) => v.townshipName },
  { key: 'note', title: '备注', width: 200, render: (v) => v.note ?? '' },
];

export const districtColumns: Column<DistrictRecord>[] = [
  codeColumn('code', '普查小区代码', 160),
  { key: 'name', title: '名称', width: 160, sortField: 'name', render: (d) => d.name },
  { key: 'township', title: '乡镇（街道）', width: 120, render: (d) => d.townshipName },
  { key: 'village', title: '村（社区）', width: 120, render: (d) => d.villageName ?? '' },
  { key: 'basis', title: '划分依据', width: 90, render: (d) => d.basis },
  {
    key: 'enumerators',
    title: '普查员',
    width: 130,
    render: (d) => count(d.enumeratorCount, '普查员', leftOf(d, d.enumeratorIds)),
  },
  {
    key: 'supervisors',
    title: '普查指导员',
    width: 130,
    render: (d) => count(d.supervisorCount, '指导员', leftOf(d, d.supervisorIds)),
  },
  { key: 'listing', title: '名录库底册数', width: 110, align: 'right', render: (d) => d.listingCount ?? '' },
  { key: 'status', title: '状态', width: 90, sortField: 'status', render: (d) => <StatusTag value={d.status} /> },
];
