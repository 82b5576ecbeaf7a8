// The person rules' questions answered by the store, one query each: for one person typed in a
// form (the roster import answers them from lookups of its own, backend/imports/kinds/person.ts).
import type { Database } from 'better-sqlite3';
import { otherIdForm } from '../../../core/validate/idNumber';
import type { PersonFacts, Named } from './rules';

export function dbPersonFacts(db: Database): PersonFacts {
  return {
    get countyCode() {
      const row = db.prepare('SELECT county_code FROM office_profile WHERE id = 1').get() as
        { county_code: string } | undefined;
      return row?.county_code ?? null;
    },
    // A 15-digit ID and its 18-digit form are one person: either stored form is a match, the exact one first.
    idNumberOwner: (idNumber) =>
      db
        .prepare(
          'SELECT id, name, person_code AS personCode, id_number AS idNumber FROM people WHERE id_number IN (?, ?) ORDER BY id_number = ? DESC LIMIT 1',
        )
        .get(idNumber, otherIdForm(idNumber) ?? idNumber, idNumber) as
        (Named & { personCode: string; idNumber: string }) | undefined,
    codeOwner: (code) => db.prepare('SELECT id, name FROM people WHERE person_code = ?').get(code) as Named | undefined,
    township: (id) => db.prepare('SELECT id, name FROM townships WHERE id = ?').get(id) as Named | undefined,
    village: (id) =>
      db.prepare('SELECT name, township_id AS townshipId FROM villages WHERE id = ?').get(id) as
        { name: string; townshipId: number } | undefined,
    supervisor: (id) => {
      const row = db
        .prepare(
          `SELECT name, status, EXISTS (SELECT 1 FROM person_roles WHERE person_id = people.id AND role = '普查指导员') AS holds
           FROM people WHERE id = ?`,
        )
        .get(id) as { name: string; status: string; holds: number } | undefined;
      return row && { name: row.name, status: row.status, holdsRole: row.holds === 1 };
    },
    superviseeCount: (id) =>
      (db.prepare('SELECT count(*) AS n FROM people WHERE supervisor_id = ?').get(id) as { n: number }).n,
    districtCount: (id, role) =>
      (
        db
          .prepare('SELECT count(DISTINCT district_id) AS n FROM district_assignments WHERE person_id = ? AND role = ?')
          .get(id, role) as { n: number }
      ).n,
  };
}
