// The roster: people checked with personCreate and the person rules of the personnel area (the one
// copy person.create and person.update apply), matched to stored people by 公民身份号码. The rules'
// questions are answered from lookups prepared once per sheet, so 20 000 rows are checked in
// milliseconds rather than one query round per rule and row; stored people are checked in sheet
// order once every row is known (personUpdate.ts), as the commit writes them. New people are
// written in bulk by the repository's insertPeople, stored people by the area's PeopleUpdater
// (only the fields that change): no dry run is needed, the rules already gave every refusal.
import { personCreate, identityFromId } from '../../../core/schemas/personnel';
import { personFields } from '../../../core/imports/fields/person';
import type { PersonRole } from '../../../core/enums';
import { normalizeCode, normalizeText } from '../../../core/text';
import { isLegacyId, legacyIdTo18, legacyIdWarning } from '../../../core/validate/idNumber';
import { validateLandline, validateMobile } from '../../../core/validate/phone';
import { ageWarnings } from '../../../core/workingAge';
import { fromRow } from '../../../db/rows';
import { diff, errorRow, labelIn, parseWith, patchOf, SeenKeys } from './common';
import { PersonFinder, PlaceIndex, AgencyIndex } from './refs';
import { PersonCodeAllocator } from '../../areas/personnel/personCode';
import {
  ID_TAKEN_UNNAMED,
  NO_OFFICE,
  personIssues,
  type PersonFacts,
  type PersonIssue,
  type SupervisorFacts,
} from '../../areas/personnel/rules';
import { personSteps, type PersonPlan } from './personWrite';
import { readOwnRosterCells } from '../ownRoster';
import { checkUpdates, type UpdateLookups } from './personUpdate';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow, RowIssue } from './types';
import { finishSupervisors, refuseOrphans, type SheetPerson } from './personSupervisors';

type Values = Record<string, unknown>;

/** Schema keys that come from a reference column. */
const REF_KEYS: Record<string, string> = {
  townshipId: 'township',
  villageId: 'village',
  supervisorId: 'supervisor',
  agencyId: 'agency',
};
const fieldKeys = new Set(personFields.map((f) => f.key));
const fieldOf = (path: string) => REF_KEYS[path] ?? (fieldKeys.has(path) ? path : null);
const label = labelIn(personFields, {
  townshipId: '所属乡镇（街道）',
  villageId: '所属村（社区）',
  supervisorId: '所属普查指导员',
  agencyId: '所属第三方机构',
});

const rowIssue = (i: PersonIssue): RowIssue => ({ field: fieldOf(i.path), message: i.message });

function begin(env: ImportEnv) {
  const { db } = env;
  const office = db.prepare('SELECT county_code FROM office_profile WHERE id = 1').get() as
    { county_code: string } | undefined;
  const places = new PlaceIndex(db);
  const agencies = new AgencyIndex(db);
  const finder = new PersonFinder(db, env.reveal);
  const codes = new PersonCodeAllocator(db, office?.county_code ?? null);
  // One pass over the stored people instead of a query per row and rule.
  const idOwners = new Map<string, { id: number; name: string; personCode: string; idNumber: string }>();
  const codeOwners = new Map<string, { id: number; name: string }>();
  const legacy: string[] = [];
  for (const p of db.prepare('SELECT id, id_number, person_code, name FROM people').raw().iterate() as Iterable<
    [number, string, string, string]
  >) {
    idOwners.set(p[1], { id: p[0], name: p[3], personCode: p[2], idNumber: p[1] });
    codeOwners.set(p[2], { id: p[0], name: p[3] });
    if (p[1].length === 15) legacy.push(p[1]);
  }
  // A stored 15-digit ID is found by its 18-digit form too (and a 15-digit row looks up its own
  // 18-digit form): one person stays one record, whichever form a sheet gives.
  for (const id of legacy) if (!idOwners.has(legacyIdTo18(id))) idOwners.set(legacyIdTo18(id), idOwners.get(id)!);
  const ownerOf = (id: string) => idOwners.get(id) ?? (isLegacyId(id) ? idOwners.get(legacyIdTo18(id)) : undefined);
  const storedPerson = db.prepare('SELECT * FROM people WHERE id = ?');
  const rolesOf = db.prepare('SELECT role FROM person_roles WHERE person_id = ?').pluck();
  const supervisorFacts = db.prepare(
    `SELECT name, status, EXISTS (SELECT 1 FROM person_roles WHERE person_id = people.id AND role = '普查指导员') AS holds FROM people WHERE id = ?`,
  );
  const supervisors = new Map<number, SupervisorFacts | undefined>();
  /** The person rules' questions, answered from the lookups above (a new row's 公民身份号码 is never stored: it would be an update). */
  const facts: PersonFacts = {
    superviseeCount: () => 0, // asked of updates only
    districtCount: () => 0,
    countyCode: codes.countyCode,
    idNumberOwner: () => undefined,
    codeOwner: (code) => codeOwners.get(code),
    township: (id) => places.townshipById(id),
    village: (id) => places.villageById(id),
    supervisor: (id) => {
      // A county has a few hundred 普查指导员 and thousands of 普查员 naming them: each asked once.
      if (supervisors.has(id)) return supervisors.get(id);
      const f = supervisorFacts.get(id) as { name: string; status: string; holds: number } | undefined;
      const facts = f && { name: f.name, status: f.status, holdsRole: f.holds === 1 };
      supervisors.set(id, facts);
      return facts;
    },
  };
  /** For the update rows, checked once every row is known (personUpdate.ts). */
  const lookups: UpdateLookups = {
    countyCode: codes.countyCode,
    idOwners,
    codeOwners,
    township: facts.township,
    village: facts.village,
    storedSupervisor: facts.supervisor,
    superviseeCounts: () =>
      new Map(
        db
          .prepare('SELECT supervisor_id, count(*) FROM people WHERE supervisor_id IS NOT NULL GROUP BY supervisor_id')
          .raw()
          .all() as [number, number][],
      ),
    districtCounts: () =>
      new Map(
        (
          db
            .prepare(
              'SELECT person_id, role, count(DISTINCT district_id) FROM district_assignments GROUP BY person_id, role',
            )
            .raw()
            .all() as [number, string, number][]
        ).map(([id, role, n]) => [`${id}|${role}`, n]),
      ),
  };
  const seenIds = new SeenKeys();
  const seenCodes = new SeenKeys();
  /** Who each row names, refused rows included: 所属普查指导员 may point at any of them. */
  const named: SheetPerson[] = [];

  /** Reference columns → ids; unresolved names become row errors. */
  function resolveRefs(row: MappedRow, input: Values, issues: RowIssue[]) {
    const { township, village, agency } = row.input as Record<string, string | undefined>;
    delete input.township;
    delete input.village;
    delete input.agency;
    delete input.supervisor;
    delete input.sex;
    if (township !== undefined) {
      const r = places.township(township);
      if (r.ok) input.townshipId = r.id;
      else issues.push({ field: 'township', message: r.message });
    }
    if (village !== undefined && !issues.length) {
      const r = places.village(village, (input.townshipId as number | undefined) ?? null);
      if (r.ok) {
        input.villageId = r.id;
        input.townshipId ??= r.townshipId;
      } else issues.push({ field: 'village', message: r.message });
    }
    if (agency !== undefined) {
      const r = agencies.resolve(agency);
      if (r.ok) input.agencyId = r.id;
      else issues.push({ field: 'agency', message: r.message });
    }
  }

  function check(row: MappedRow): CheckedRow {
    readOwnRosterCells(row.input);
    const text = (k: string) => (row.input[k] === undefined ? '' : String(row.input[k]));
    named.push({
      row: row.row,
      idNumber: normalizeCode(text('idNumber')),
      personCode: normalizeCode(text('personCode')),
      name: normalizeText(text('name')),
    });
    const issues: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const input: Values = { ...row.input };
    routePhone(input, warnings);
    resolveRefs(row, input, issues);
    const { data, issues: schemaIssues } = parseWith(personCreate, input, row, fieldOf, issues);
    issues.push(...schemaIssues);
    if (!data) return errorRow(row.row, issues);

    const idNumber = data.idNumber;
    const identity = identityFromId(idNumber);
    // The 18-digit form is the key: a 15-digit ID and its 18-digit form in one sheet are one person twice.
    const prev = seenIds.claim(isLegacyId(idNumber) ? legacyIdTo18(idNumber) : idNumber, row.row);
    if (prev !== null)
      issues.push({ field: 'idNumber', message: `与第${prev}行重复：公民身份号码相同（15位与18位号码视为同一人）` });
    const sex = row.input.sex as string | undefined;
    if (sex !== undefined && sex !== identity.sex) {
      issues.push({ field: 'sex', message: `性别“${sex}”与公民身份号码不符（号码显示为${identity.sex}）` });
    }
    if (data.personCode) {
      const prevCode = seenCodes.claim(data.personCode, row.row);
      if (prevCode !== null)
        issues.push({ field: 'personCode', message: `与第${prevCode}行重复：人员编号 ${data.personCode} 相同` });
    }

    let supervisorFound = false;
    let supervisorRef: string | null = null;
    const supervisorText = row.input.supervisor as string | undefined;
    if (supervisorText !== undefined) {
      const r = finder.find(supervisorText, '普查指导员', '所属普查指导员', true);
      if (r.ok) {
        data.supervisorId = r.id;
        supervisorFound = true;
      } else supervisorRef = supervisorText; // perhaps someone in this very sheet (finish)
    }

    const owner = ownerOf(idNumber);
    // To a caller who may not reveal, a row whose number is stored under another name must not
    // show whose it is (the update's 姓名 “from”, 人员编号, the 15-digit match): refused as
    // person.create refuses it. The same name shows nothing the sheet did not already say.
    if (owner && !env.reveal && normalizeText(owner.name) !== normalizeText(String(data.name)))
      issues.push({ field: 'idNumber', message: `公民身份号码 ${idNumber} ${ID_TAKEN_UNNAMED}` });
    const stored = owner === undefined ? undefined : (storedPerson.get(owner.id) as Values);
    const values: Values = Object.assign(data, identity);
    if (stored) {
      const existing: Values = { ...fromRow(stored), roles: rolesOf.all(stored.id) };
      // Only what the row fills in: an empty cell (or a schema default) never overwrites.
      const patch = patchOf(data as Values, [...Object.keys(input), ...(supervisorFound ? ['supervisorId'] : [])]);
      if (patch.personCode === existing.personCode) delete patch.personCode;
      // The stored 18-digit ID is never replaced by the row's 15-digit form of it; a stored
      // 15-digit one is replaced by the row's 18-digit form (shown as a change).
      if (isLegacyId(idNumber) && existing.idNumber !== idNumber) {
        delete patch.idNumber;
        values.idNumber = existing.idNumber;
        warnings.push({
          field: 'idNumber',
          message: `本行为15位旧号码，已按对应的18位号码匹配到${String(existing.name)}，保留其18位号码`,
        });
      } else if (isLegacyId(idNumber)) warnings.push({ field: 'idNumber', message: legacyIdWarning() });
      if (issues.length) return errorRow(row.row, issues);
      const changes = diff(existing, patch, label);
      // A hire past 65, when the row sets the hire date or the ID (the birth date) — not on every re-import.
      if (changes.some((c) => c.field === 'hireStart' || c.field === 'idNumber'))
        warnings.push(
          ...ageWarnings((k) => (k in patch ? patch[k] : k === 'birthDate' ? values.birthDate : existing[k])),
        );
      const plan: PersonPlan = {
        op: 'update',
        id: Number(stored.id),
        data: patch,
        supervisorRef,
        supervisorRow: null,
        existing,
      };
      const action = changes.length || supervisorRef ? 'update' : 'unchanged';
      return {
        row: row.row,
        action,
        errors: [],
        values: { ...values, personCode: existing.personCode },
        changes,
        plan,
        ...(warnings.length ? { warnings } : {}),
      };
    }

    if (data.personCode) codes.reserve(data.personCode);
    issues.push(...personIssues(values, facts).map(rowIssue));
    if (issues.length) return errorRow(row.row, issues);
    // The preview's values and the row to insert are one object: 20k copies less to make.
    const plan: PersonPlan = { op: 'create', data: values, supervisorRef, supervisorRow: null };
    if (isLegacyId(idNumber)) warnings.push({ field: 'idNumber', message: legacyIdWarning() });
    warnings.push(...ageWarnings((k) => values[k]));
    return {
      row: row.row,
      action: 'new',
      errors: [],
      values,
      changes: [],
      plan,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  return {
    check,
    finish: (rows: CheckedRow[]) => {
      finishSupervisors(rows, named);
      // Generated codes last, so every code the sheet gives is known to be taken.
      for (const r of rows) {
        const plan = r.plan as PersonPlan | undefined;
        if (r.action !== 'new' || !plan || plan.data.personCode) continue;
        const code = codes.allocate((plan.data.roles as PersonRole[])[0]);
        if ('issue' in code) {
          Object.assign(r, errorRow(r.row, [rowIssue(code.issue)]));
          continue;
        }
        plan.data.personCode = code.code; // plan.data is the row's preview values too
      }
      refuseOrphans(rows);
      // The stored people last, in chunks: the preview answers other requests in between.
      return checkUpdates(rows, lookups);
    },
    steps: (rows: CheckedRow[], onExisting: 'update' | 'skip') => personSteps(rows, onExisting, db),
  };
}

/**
 * 联系电话 (mapped to 手机) holding a landline: it goes to 固定电话, never refusing the person.
 * A 固定电话 column of its own wins; the 手机 cell is then an error as before.
 */
function routePhone(input: Values, warnings: RowIssue[]) {
  const given = input.mobile;
  if (typeof given !== 'string' || validateMobile(given).ok || !validateLandline(given).ok) return;
  if (input.landline !== undefined) return;
  delete input.mobile;
  input.landline = given;
  warnings.push({ field: 'mobile', message: `“${given}”是固定电话，已存入固定电话` });
}

export const personImporter: KindImporter = {
  kind: 'person',
  fields: personFields,
  problems: (env, mapped) => {
    const office = env.db.prepare('SELECT 1 FROM office_profile WHERE id = 1').get();
    return !office && !mapped.has('personCode') ? [NO_OFFICE] : [];
  },
  begin,
};
