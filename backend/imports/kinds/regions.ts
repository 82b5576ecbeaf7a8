// Townships, villages and census districts.
import { townshipCreate, villageCreate, districtCreate } from '../../../core/schemas/regions';
import { districtFields, townshipFields, villageFields } from '../../../core/imports/fields/regions';
import { normalizeCode } from '../../../core/text';
import { districtDef, townshipDef, villageDef } from '../../../db/entities/regions';
import { districts, townships, villages } from '../../areas/regions/regions';
import { officeDivision, townshipOutsideOffice } from '../../areas/regions/countyScope';
import { entityImporter } from './entity';
import { DistrictCodes } from './districtCodes';
import { PersonFinder, PlaceIndex } from './refs';
import type { MappedRow, RowIssue } from './types';

type Values = Record<string, unknown>;

export const townshipImporter = entityImporter({
  kind: 'township',
  fields: townshipFields,
  schema: townshipCreate,
  def: townshipDef,
  write: townships,
  key: { field: 'code', column: 'code', label: '乡镇（街道）代码' },
  load: (db) => officeDivision(db),
  // A code outside the office's division is refused row by row (the service refuses it too).
  resolve: (row, _input, issues, division) => {
    const code = typeof row.input.code === 'string' ? normalizeCode(row.input.code) : '';
    const message = /^\d{9}$/.test(code) ? townshipOutsideOffice(division, code) : null;
    if (message) issues.push({ field: 'code', message });
  },
});

/** The township from its column, else from the first 9 digits of the village code. */
function resolveVillageTownship(row: MappedRow, input: Values, issues: RowIssue[], places: PlaceIndex) {
  const text = row.input.township as string | undefined;
  if (text !== undefined) {
    const r = places.township(text);
    if (r.ok) input.townshipId = r.id;
    else issues.push({ field: 'township', message: r.message });
    return;
  }
  const code = typeof row.input.code === 'string' ? normalizeCode(row.input.code) : '';
  const t = /^\d{12}$/.test(code) ? places.townshipOfCode(code.slice(0, 9)) : undefined;
  if (t) input.townshipId = t.id;
  else if (/^\d{12}$/.test(code))
    issues.push({
      field: 'code',
      message: `村（居）代码 ${code} 的前9位没有对应的乡镇（街道），请先新增该乡镇（街道）`,
    });
}

export const villageImporter = entityImporter({
  kind: 'village',
  fields: villageFields,
  schema: villageCreate,
  def: villageDef,
  write: villages,
  key: { field: 'code', column: 'code', label: '村（居）代码' },
  refFields: { townshipId: 'township' },
  load: (db) => new PlaceIndex(db),
  resolve: resolveVillageTownship,
});

function resolvePeople(
  text: string,
  role: '普查员' | '普查指导员',
  field: string,
  finder: PersonFinder,
  issues: RowIssue[],
): number[] {
  const ids: number[] = [];
  for (const part of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const r = finder.find(part, role, role);
    if (r.ok) ids.push(r.id);
    else issues.push({ field, message: r.message });
  }
  return ids;
}

export const districtImporter = entityImporter({
  kind: 'district',
  fields: districtFields,
  schema: districtCreate,
  def: districtDef,
  write: districts,
  key: { field: 'code', column: 'code', label: '普查小区代码' },
  refFields: {
    townshipId: 'township',
    villageId: 'village',
    enumeratorIds: 'enumerators',
    supervisorIds: 'supervisors',
  },
  load: (db, env) => ({
    places: new PlaceIndex(db),
    finder: new PersonFinder(db, env.reveal),
    codes: new DistrictCodes(db),
  }),
  resolve: (row, input, issues, { places, finder, codes }) => {
    const { township, village, enumerators, supervisors } = row.input as Record<string, string | undefined>;
    if (township !== undefined) {
      const r = places.township(township);
      if (r.ok) input.townshipId = r.id;
      else issues.push({ field: 'township', message: r.message });
    }
    if (village !== undefined) {
      const r = places.village(village, (input.townshipId as number | undefined) ?? null);
      if (r.ok) {
        input.villageId = r.id;
        input.townshipId ??= r.townshipId;
      } else issues.push({ field: 'village', message: r.message });
    }
    if (enumerators !== undefined)
      input.enumeratorIds = resolvePeople(enumerators, '普查员', 'enumerators', finder, issues);
    if (supervisors !== undefined)
      input.supervisorIds = resolvePeople(supervisors, '普查指导员', 'supervisors', finder, issues);
    codes.fill(input, issues);
  },
});
