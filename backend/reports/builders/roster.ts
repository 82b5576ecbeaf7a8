// R1 普查人员花名册: one SQL pass over the people, streamed row by row into the sheet, so 100k
// people need no more memory than 1k. Filters: role, township, status.
import { ROSTER } from '../../../core/reports/layouts/people';
import { docRow, type FigureRow } from '../../../core/reports/figures';
import { maskValue } from '../../../core/reports/mask';
import { emptyRow, type DocRow, type TableFrame } from '../../../core/reports/doc';
import { labelColumn } from '../../../core/reports/layout';
import { PERSON_ROLES } from '../../../core/enums';
import { asOf, frameOf, type BuildEnv } from './env';
import { mayReveal } from '../../access';
import { maskBirthDate } from '../../masking';
import { trainingStatusSql } from '../../../db/views/derived';
import { PEOPLE_HISTORY, ROLES_AS_OF_SQL } from '../../../db/history';
import {
  asOfParams,
  onRosterSql,
  PEOPLE_AS_OF,
  peopleChangedSince,
  trainingStatusAsOfSql,
  type AsOfParams,
} from '../asOf/people';

const roleRank = `CASE r.role ${PERSON_ROLES.map((role, i) => `WHEN '${role}' THEN ${i}`).join(' ')} END`;

// Roles and districts are aggregated once per table and joined, rather than looked up person by
// person (a third less time on 20k people); training status is the shared rule, two index probes.
const SELECT = `
SELECT p.person_code, p.name, p.sex, p.ethnicity, p.birth_date, p.id_number, p.political_status, p.education,
  p.employer, p.position, p.source, p.mobile, p.landline, p.cert_no, p.hire_start, p.hire_end, p.insurance_start,
  p.insurance_end, p.note, t.name AS township_name, s.name AS supervisor_name, s.person_code AS supervisor_code, r.roles, d.districts,
  ${trainingStatusSql('p.id')} AS training_status
FROM people p
LEFT JOIN townships t ON t.id = p.township_id
LEFT JOIN people s ON s.id = p.supervisor_id
LEFT JOIN (SELECT r.person_id, group_concat(r.role, '、' ORDER BY ${roleRank}) AS roles FROM person_roles r GROUP BY r.person_id) r
  ON r.person_id = p.id
LEFT JOIN (SELECT x.person_id, group_concat(x.name, '、' ORDER BY x.code) AS districts
           FROM (SELECT DISTINCT a.person_id, c.name, c.code FROM district_assignments a JOIN census_districts c ON c.id = a.district_id) x
           GROUP BY x.person_id) d ON d.person_id = p.id`;

type Row = Record<string, string | number | null>;

/**
 * The roster at a past day (docs/reports.md "As of a day"): SELECT with each person's overwritten
 * facts (status, township, certificate, insurance…), roles and training status as they stood at
 * @day; people not yet on the roster then are filtered out by whereAsOf. Other columns are today's.
 */
function selectAsOf(): string {
  let sql = SELECT.replace('FROM people p', `FROM (${PEOPLE_AS_OF}) a JOIN people p ON p.id = a.id`)
    .replace('FROM person_roles r GROUP BY', `FROM (${ROLES_AS_OF_SQL}) r GROUP BY`)
    .replace(trainingStatusSql('p.id'), trainingStatusAsOfSql('p.id'));
  for (const c of PEOPLE_HISTORY.columns) sql = sql.replace(new RegExp(`\\bp\\.${c}\\b`, 'g'), `a.${c}`);
  return sql;
}

function whereAsOf(env: BuildEnv, at: AsOfParams): { sql: string; params: unknown[] } {
  const parts = [onRosterSql('a')];
  const params: unknown[] = [];
  const { role, townshipId, status } = env.params;
  if (role) {
    parts.push(`instr('、' || r.roles || '、', '、' || ? || '、') > 0`);
    params.push(role);
  }
  if (townshipId) {
    parts.push('a.township_id = ?');
    params.push(townshipId);
  }
  if (status) {
    parts.push('a.status = ?');
    params.push(status);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params: [...params, at] };
}

function where(env: BuildEnv): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const { role, townshipId, status } = env.params;
  if (role) {
    parts.push('EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = ?)');
    params.push(role);
  }
  if (townshipId) {
    parts.push('p.township_id = ?');
    params.push(townshipId);
  }
  if (status) {
    parts.push('p.status = ?');
    params.push(status);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** 人身意外保险 as of the roster's day. */
function insuranceText(start: string | null, end: string | null, day: string): string {
  if (!start || !end) return '无';
  if (end < day) return `已于${end}到期`;
  if (start > day) return `${start}起生效`;
  return `有效至${end}`;
}

const span = (from: unknown, to: unknown) => (from || to ? `${(from as string) ?? ''}至${(to as string) ?? ''}` : null);

/**
 * 所属普查指导员 by name, with the 人员编号 where two people of the office share the name: the
 * roster is read back by the roster import, which must know whom it means.
 */
function supervisorText(r: Row, sharedNames: ReadonlySet<string>): string | null {
  const name = r.supervisor_name as string | null;
  if (!name) return null;
  return sharedNames.has(name) ? `${name}（${r.supervisor_code as string}）` : name;
}

/**
 * 出生年月 (1985.03), or to a caller who may not reveal the year alone (1985.**): beside the masked
 * 公民身份号码 a month leaves few candidates for the hidden digits. The same rule as every answer's
 * birth date (maskBirthDate): the year, never the month and day.
 */
function birthMonth(birthDate: unknown, reveal: boolean): string | null {
  if (!birthDate) return null;
  const date = String(birthDate);
  return (reveal ? date : maskBirthDate(date)).slice(0, 7).replace('-', '.');
}

export function rosterFigure(
  r: Row,
  seq: number,
  env: BuildEnv,
  sharedNames: ReadonlySet<string> = new Set(),
  /** Whether the caller may reveal (mayReveal) or the export carries the full numbers. */
  reveal = true,
): FigureRow {
  const id = r.id_number as string;
  return {
    kind: 'item',
    values: {
      seq,
      personCode: r.person_code,
      name: r.name,
      roles: r.roles,
      sex: r.sex,
      ethnicity: r.ethnicity,
      birthMonth: birthMonth(r.birth_date, reveal),
      idNumber: env.params.fullSensitive ? id : maskValue('idNumber', id),
      politicalStatus: r.political_status,
      education: r.education,
      employer: r.employer,
      position: r.position,
      source: r.source,
      mobile: env.params.fullSensitive ? r.mobile : maskValue('mobile', r.mobile as string | null),
      landline: r.landline,
      townshipName: r.township_name,
      districts: r.districts,
      supervisorName: supervisorText(r, sharedNames),
      trainingStatus: r.training_status,
      certNo: r.cert_no,
      hirePeriod: span(r.hire_start, r.hire_end),
      insurance: insuranceText(r.insurance_start as string | null, r.insurance_end as string | null, env.asOfDay),
      note: r.note,
    },
  };
}

/** The filters in words for row 2: 普查员 · 锦屏镇 · 在岗. */
function filterText(env: BuildEnv): string {
  const { role, townshipId, status } = env.params;
  const township = townshipId
    ? ((env.ctx.db.prepare('SELECT name FROM townships WHERE id = ?').get(townshipId) as { name: string } | undefined)
        ?.name ?? `乡镇${townshipId}`)
    : null;
  return [role, township, status].filter(Boolean).join('·');
}

/**
 * The query for the roster's day: the tables as they are when nothing the roster shows changed
 * after that day (an export as of today: the 100k-people path stays one plain pass), else the
 * people as they stood then.
 */
function rosterQuery(env: BuildEnv): { select: string; where: { sql: string; params: unknown[] }; count: string } {
  const db = env.ctx.db;
  const day = env.asOfDay;
  if (day >= env.exportDay && !peopleChangedSince(db, day)) {
    const w = where(env);
    return { select: SELECT, where: w, count: `SELECT count(*) AS n FROM people p ${w.sql}` };
  }
  const select = selectAsOf();
  const w = whereAsOf(env, asOfParams(db, day));
  return { select, where: w, count: `SELECT count(*) AS n FROM (${select} ${w.sql})` };
}

export function buildRoster(env: BuildEnv): { frame: TableFrame; rows: Iterable<DocRow>; count: number } {
  const { select, where: w, count: countSql } = rosterQuery(env);
  const count = (env.ctx.db.prepare(countSql).get(...w.params) as { n: number }).n;
  const filters = filterText(env);
  const filled = frameOf(env, 'R1', [filters, asOf(env)].filter(Boolean).join('　'), null);
  const frame: TableFrame = { ...filled, layout: ROSTER, blocks: [], moneyUnit: '元' };
  const statement = env.ctx.db.prepare(`${select} ${w.sql} ORDER BY p.person_code`);
  const sharedNames = new Set(
    env.ctx.db.prepare('SELECT name FROM people GROUP BY name HAVING count(*) > 1').pluck().all() as string[],
  );
  const reveal = env.params.fullSensitive || mayReveal(env.ctx.db, env.ctx.operator);
  function* rows(): Iterable<DocRow> {
    let seq = 0;
    for (const r of statement.iterate(...w.params) as Iterable<Row>)
      yield docRow(ROSTER, rosterFigure(r, ++seq, env, sharedNames, reveal), '元');
    if (seq === 0) yield emptyRow(ROSTER, labelColumn(ROSTER));
  }
  return { frame, rows: rows(), count };
}
