// Every import kind with its columns. The backend adds how each kind is resolved and written.
import type { ImportField } from '../types';
import type { ImportKind } from '../kinds';
import { personFields } from './person';
import { districtFields, townshipFields, villageFields } from './regions';
import { agencyFields, contractFields } from './contracts';
import { budgetItemFields } from './budget';
import { attendanceFields } from './training';
import { archiveFields } from './archive';
import { problemFields } from './problems';
import { deviceFields, groupMemberFields, publicityFields } from './organisation';

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  person: personFields,
  township: townshipFields,
  village: villageFields,
  district: districtFields,
  agency: agencyFields,
  contract: contractFields,
  budgetItem: budgetItemFields,
  attendance: attendanceFields,
  archive: archiveFields,
  problem: problemFields,
  groupMember: groupMemberFields,
  publicity: publicityFields,
  device: deviceFields,
};

/** Header texts that are recognised but never imported: they count as header cells, nothing more. */
export const IGNORED_HEADERS: readonly string[] = [
  '序号',
  '行号',
  '栏次',
  '出生日期',
  '出生年月',
  '年龄',
  '错误原因',
  '原行号',
  '签名',
  '本人签名',
  '领款人签字',
];
