// Names and codes in a sheet → record ids: townships, villages, agencies, people. Each lookup says
// in Chinese why it failed (unknown, or a name shared by several records).
import type { Database } from 'better-sqlite3';
import { normalizeCode, normalizeText } from '../../../core/text';

export type Resolved = { ok: true; id: number } | { ok: false; message: string };

interface Place {
  id: number;
  code: string;
  name: string;
  townshipId?: number;
}

const found = (id: number): Resolved => ({ ok: true, id });
const refused = (message: string): Resolved => ({ ok: false, message });

/** Exact name first; then the one name that the text abbreviates (`周口` → `周口镇`). */
function byName<T extends Place>(items: readonly T[], text: string): T[] {
  const exact = items.filter((p) => p.name === text);
  if (exact.length) return exact;
  return items.filter((p) => p.name.startsWith(text) || text.startsWith(p.name));
}

/** A sheet names the same few places thousands of times: each distinct text is looked up once. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const seen = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let r = seen.get(key);
    if (r === undefined) seen.set(key, (r = fn(...args)));
    return r;
  };
}

export class PlaceIndex {
  private townships: Place[];
  private villages: Place[];
  private townshipsById: Map<number, Place>;
  private villagesById: Map<number, Place & { townshipId: number }>;
  readonly township = memo((raw: string) => this.findTownship(raw));
  readonly village = memo((raw: string, townshipId: number | null) => this.findVillage(raw, townshipId));

  constructor(db: Database) {
    this.townships = db.prepare('SELECT id, code, name FROM townships').all() as Place[];
    this.villages = db.prepare('SELECT id, code, name, township_id AS townshipId FROM villages').all() as Place[];
    this.townshipsById = new Map(this.townships.map((t) => [t.id, t]));
    this.villagesById = new Map(this.villages.map((v) => [v.id, v as Place & { townshipId: number }]));
  }

  private findTownship(raw: string): Resolved {
    const text = normalizeText(raw);
    const code = normalizeCode(raw);
    if (/^\d{9}$/.test(code)) {
      const t = this.townships.find((p) => p.code === code);
      return t ? found(t.id) : refused(`乡镇（街道）代码“${code}”不存在，请先在“区划”中新增该乡镇（街道）`);
    }
    const hits = byName(this.townships, text);
    if (hits.length === 1) return found(hits[0].id);
    if (hits.length > 1)
      return refused(`乡镇（街道）“${text}”对应多个乡镇（${hits.map((h) => h.name).join('、')}），请改填9位乡镇代码`);
    return refused(`乡镇（街道）“${text}”不存在，请先在“区划”中新增，或改填已有乡镇（街道）的名称或代码`);
  }

  townshipOfCode(code: string): Place | undefined {
    return this.townships.find((p) => p.code === code);
  }

  townshipById(id: number): Place | undefined {
    return this.townshipsById.get(id);
  }

  townshipName(id: number): string {
    return this.townshipsById.get(id)?.name ?? '';
  }

  villageById(id: number): (Place & { townshipId: number }) | undefined {
    return this.villagesById.get(id);
  }

  private findVillage(raw: string, townshipId: number | null): Resolved & { townshipId?: number } {
    const text = normalizeText(raw);
    const code = normalizeCode(raw);
    if (/^\d{12}$/.test(code)) {
      const v = this.villages.find((p) => p.code === code);
      return v
        ? { ok: true, id: v.id, townshipId: v.townshipId }
        : refused(`村（居）代码“${code}”不存在，请先在“区划”中新增该村（社区）`);
    }
    const pool = townshipId === null ? this.villages : this.villages.filter((v) => v.townshipId === townshipId);
    const hits = byName(pool, text);
    if (hits.length === 1) return { ok: true, id: hits[0].id, townshipId: hits[0].townshipId };
    const where = townshipId === null ? '' : `在“${this.townshipName(townshipId)}”中`;
    if (hits.length > 1) return refused(`村（社区）“${text}”${where}对应多个村（社区），请改填12位村（居）代码`);
    return refused(`村（社区）“${text}”${where}不存在，请先在“区划”中新增，或改填已有村（社区）的名称或代码`);
  }
}

export class AgencyIndex {
  private agencies: { id: number; name: string; creditCode: string }[];
  readonly resolve = memo((raw: string) => this.find(raw));
  constructor(db: Database) {
    this.agencies = db
      .prepare('SELECT id, name, credit_code AS creditCode FROM agencies')
      .all() as AgencyIndex['agencies'];
  }
  private find(raw: string): Resolved {
    const code = normalizeCode(raw);
    const byCode = this.agencies.find((a) => a.creditCode === code);
    if (byCode) return found(byCode.id);
    const text = normalizeText(raw);
    const hits = this.agencies.filter((a) => a.name === text);
    if (hits.length === 1) return found(hits[0].id);
    if (hits.length > 1) return refused(`第三方机构“${text}”有重名，请改填统一社会信用代码`);
    return refused(`第三方机构“${text}”不存在，请先导入或新增该机构`);
  }
}

/** People named in a sheet by 公民身份号码, 人员编号 or (when unique) name, holding a role. */
export class PersonFinder {
  private byIdNumber;
  private byCode;
  private byName;
  private holds;

  /** `reveal`: whether the caller may learn whose a 公民身份号码 is (mayReveal); see find. */
  constructor(
    db: Database,
    private reveal = true,
  ) {
    this.byIdNumber = db.prepare('SELECT id, name, status FROM people WHERE id_number = ?');
    this.byCode = db.prepare('SELECT id, name, status FROM people WHERE person_code = ?');
    this.byName = db.prepare('SELECT id, name, status FROM people WHERE name = ?');
    this.holds = db.prepare('SELECT 1 FROM person_roles WHERE person_id = ? AND role = ?');
  }

  /**
   * The stored person the text names; `role` narrows a name to the people holding it. `onDuty`:
   * the caller's rules also refuse a person who has left (所属普查指导员).
   */
  find(raw: string, role: string, label: string, onDuty = false): Resolved {
    const code = normalizeCode(raw);
    const text = normalizeText(raw);
    type P = { id: number; name: string; status: string };
    let hits: P[];
    if (/^\d{17}[\dX]$/.test(code)) {
      hits = [this.byIdNumber.get(code) as P].filter(Boolean);
      // The area's rules would refuse such a person by name (“张三不是普查员”): to a caller who may
      // not reveal, a number's holder who cannot serve is refused without naming them.
      const p = hits[0];
      if (p && !this.reveal && (!this.holds.get(p.id, role) || (onDuty && p.status !== '在岗')))
        return refused(
          `${label}：公民身份号码 ${code} 登记的人员不是${onDuty ? '在岗的' : ''}${role}（当前角色无权查看是谁；如需核对，请联系管理员）`,
        );
    } else if (/^\d{11}$/.test(code)) hits = [this.byCode.get(code) as P].filter(Boolean);
    else {
      // A name: the one holder of the role; or the one person of that name, whom the area's own
      // rule then refuses in its words (“…不是普查员”).
      const named = this.byName.all(text) as P[];
      const holders = named.filter((p) => this.holds.get(p.id, role));
      hits = holders.length ? holders : named;
    }
    if (hits.length === 1) return found(hits[0].id);
    if (hits.length > 1) return refused(`${label}“${text}”有重名，请改填公民身份号码或人员编号`);
    return refused(`${label}“${text}”不在花名册中`);
  }
}
