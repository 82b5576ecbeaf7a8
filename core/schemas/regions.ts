import { z } from 'zod';
import { text, optText, regionCode, optCode, ref, optRef, oneOf, optInt, listOf } from './fields';
import { DISTRICT_BASES, DISTRICT_STATUSES, TOWNSHIP_KINDS, VILLAGE_KINDS } from '../enums';
import { listInput, recordOf } from '../api/define';
import { villageCoverageListFilters } from './coverageFilters';

export const townshipCreate = z
  .object({
    code: regionCode('乡镇（街道）代码', 'township'),
    name: text('乡镇（街道）名称', { max: 50 }),
    note: optText('备注'),
  })
  .strict();
export const townshipRecord = recordOf(townshipCreate, {
  kind: z.enum(TOWNSHIP_KINDS).nullable(),
  villageCount: z.number().int(),
  districtCount: z.number().int(),
});
export const townshipList = listInput(
  { withoutLiaison: z.boolean({ error: () => '未落实联络员应为是或否' }).optional() },
  ['code', 'name'] as const,
);

export const villageCreate = z
  .object({
    townshipId: ref('所属乡镇（街道）'),
    code: regionCode('村（居）代码', 'village'),
    name: text('村（社区）名称', { max: 50 }),
    note: optText('备注'),
  })
  .strict();
export const villageRecord = recordOf(villageCreate, {
  kind: z.enum(VILLAGE_KINDS).nullable(),
  townshipName: z.string(),
});
export const villageList = listInput(
  {
    townshipId: optRef('所属乡镇（街道）'),
    withoutLiaison: z.boolean({ error: () => '未落实联络员应为是或否' }).optional(),
    ...villageCoverageListFilters,
  },
  ['code', 'name'] as const,
);

export const districtCreate = z
  .object({
    /** Left empty: the village's code plus the next sequence (backend/areas/coverage/districtCode.ts). */
    code: optCode('普查小区代码', /^\d{6,20}$/, '6至20位数字，默认为12位村（居）代码加3位序号'),
    name: text('普查小区名称', { max: 100 }),
    townshipId: ref('所属乡镇（街道）'),
    villageId: optRef('所属村（社区）'),
    basis: oneOf('划分依据', DISTRICT_BASES),
    boundaryNote: optText('四至范围'),
    listingCount: optInt('名录库底册数'),
    status: oneOf('划分状态', DISTRICT_STATUSES).default('未划分'),
    enumeratorIds: listOf('普查员', ref('普查员')).default([]),
    supervisorIds: listOf('普查指导员', ref('普查指导员')).default([]),
    note: optText('备注'),
  })
  .strict();
export const districtRecord = recordOf(districtCreate, {
  code: z.string(),
  townshipName: z.string(),
  villageName: z.string().nullable(),
  /** Assignees of each role who have not left (离岗 by today): what "assigned" means everywhere. */
  enumeratorCount: z.number().int(),
  supervisorCount: z.number().int(),
  /** Assigned people who have left: still listed above, counted as no one. */
  leftAssigneeIds: z.array(z.number().int()),
});
export const districtList = listInput(
  {
    townshipId: optRef('所属乡镇（街道）'),
    villageId: optRef('所属村（社区）'),
    status: oneOf('划分状态', DISTRICT_STATUSES).optional(),
    /** Districts missing an assigned 普查员 or 普查指导员 (dashboard check). */
    unassigned: z.boolean().optional(),
    /** Districts where this person is 普查员 or 普查指导员 (a person's page shows their workload). */
    assigneeId: optRef('普查员或普查指导员'),
  },
  ['code', 'name', 'status'] as const,
);
