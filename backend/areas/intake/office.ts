// The receiving office as intake and the ledger see it: its level, its own code, the prefix its
// units' codes start with, its deadline day, and its units (report_units, kept by unit.save).
import type { Database } from 'better-sqlite3';
import { UserError } from '../../../db/errors';

export interface ReceivingOffice {
  level: '市' | '省';
  /** The office's own 6-digit code (511300, 510000). */
  code: string;
  name: string;
  /** A city office: its 4-digit city code; a province: its 2-digit province code. */
  prefix: string;
  deadlineDay: number;
}

export interface Unit {
  code: string;
  name: string;
}

/** The office, or a refusal for a county office (which sends reports and takes none in). */
export function receivingOffice(db: Database): ReceivingOffice {
  const row = db
    .prepare('SELECT level, county_code, county_name, unit_name, city_code, report_deadline_day FROM office_profile')
    .get() as Record<string, unknown> | undefined;
  if (!row) throw new UserError('NO_OFFICE', '尚未填写单位信息：请先完成首次使用设置');
  const level = String(row.level);
  if (level !== '市' && level !== '省')
    throw new UserError('NOT_RECEIVING_OFFICE', '县（区）普查办不收取报表：收取报表和报送台账供市、省普查办使用');
  const code = String(row.county_code);
  const city = row.city_code ? String(row.city_code) : code.slice(0, 4);
  return {
    level,
    code,
    name: String(row.unit_name || row.county_name),
    prefix: level === '市' ? city : code.slice(0, 2),
    deadlineDay: Number(row.report_deadline_day) || 5,
  };
}

/** The office's units in their order (sort_order, then code). */
export function unitsOf(db: Database): Unit[] {
  return db.prepare('SELECT code, name FROM report_units ORDER BY sort_order, code').all() as Unit[];
}

export function unitByCode(db: Database, code: string | null): Unit | null {
  if (!code) return null;
  return (db.prepare('SELECT code, name FROM report_units WHERE code = ?').get(code) as Unit | undefined) ?? null;
}
