// The audit log: append-only by triggers, and when someone gets round them (dropping a trigger in
// a SQLite tool), verify — in the app and in the IT person's command — names the entry.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../db/audit';
import { openDatabase } from '../../db/open';
import { openBackend } from '../../backend/app';
import { sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
  // Entries 6–10: five townships (1 setup, 2–3 operators, 4–5 the two logins).
  for (let i = 0; i < 5; i++) {
    const r = await box.b.dispatch(
      'township.create',
      { code: `5113231${String(i).padStart(2, '0')}`, name: `镇${i}` },
      { operator: staff.clerk },
    );
    if (!r.ok) throw new Error(r.error.message);
  }
});
afterEach(() => box.dispose());

const db = () => box.b.db;
const count = () => (db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const verify = async () => {
  const r = await box.b.dispatch('audit.verify', {}, { operator: staff.viewer });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};
/** What someone with a SQLite tool does first. */
const dropGuards = () => db().exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');

describe('append-only', () => {
  it('refuses UPDATE and DELETE of entries, even straight in SQLite', async () => {
    expect(count()).toBe(10);
    expect(() => db().prepare(`UPDATE audit_log SET operator_name = '别人' WHERE id = 5`).run()).toThrow(
      '操作日志只能追加，不能修改',
    );
    expect(() => db().prepare('DELETE FROM audit_log WHERE id = 10').run()).toThrow('操作日志只能追加，不能删除');
    expect(() => db().prepare('DELETE FROM audit_head').run()).toThrow('操作日志校验记录不能删除');
    expect(() => db().prepare('UPDATE audit_head SET count = 3, last_id = 3').run()).toThrow(
      '操作日志校验记录只能随日志追加而更新',
    );
    expect(await verify()).toEqual({ ok: true, count: 10 });
  });

  it('keeps the head in step when a write fails and rolls back', async () => {
    const r = await box.b.dispatch('township.create', { code: '511323100', name: '重复' }, { operator: staff.clerk });
    expect(r.ok).toBe(false);
    expect(await verify()).toEqual({ ok: true, count: 10 });
  });
});

describe('verify names the entry someone changed behind the triggers', () => {
  it('an edited entry', async () => {
    dropGuards();
    db().prepare(`UPDATE audit_log SET after_json = '{"name":"改过"}' WHERE id = 5`).run();
    expect(await verify()).toEqual({ ok: false, count: 5, brokenAt: 5, reason: '第 5 条日志内容与校验值不符' });
  });

  it('a deleted entry in the middle', async () => {
    dropGuards();
    db().prepare('DELETE FROM audit_log WHERE id = 6').run();
    expect(await verify()).toEqual({ ok: false, count: 6, brokenAt: 6, reason: '第 6 条日志缺失' });
  });

  it('a deleted last entry (which a hash chain alone cannot show)', async () => {
    dropGuards();
    db().prepare('DELETE FROM audit_log WHERE id = 10').run();
    expect(await verify()).toEqual({
      ok: false,
      count: 9,
      brokenAt: 10,
      reason: '第 10 条起的日志缺失（应有 10 条，现存 9 条）',
    });
  });

  it('an entry appended by hand, even with a correct hash', async () => {
    // A forger who recomputes the hash with the app's own code, but cannot move the head.
    const forged = new Database(':memory:');
    forged.exec(
      'CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)',
    );
    for (const row of db().prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[]) {
      forged
        .prepare(
          'INSERT INTO audit_log VALUES (@id, @at, @operator_id, @operator_name, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)',
        )
        .run(row);
    }
    appendAudit(forged, {
      at: new Date().toISOString(),
      operatorId: 1,
      operatorName: 'admin',
      action: 'delete',
      entity: 'township',
      entityId: 1,
      before: null,
      after: null,
    });
    const row = forged.prepare('SELECT * FROM audit_log WHERE id = 11').get() as Record<string, unknown>;
    forged.close();
    db()
      .prepare(
        'INSERT INTO audit_log VALUES (@id, @at, @operator_id, @operator_name, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)',
      )
      .run(row);
    expect(await verify()).toEqual({
      ok: false,
      count: 11,
      brokenAt: 11,
      reason: '第 11 条起的日志不是由本程序写入的（应有 10 条，现存 11 条）',
    });
  });

  it('a deleted head', async () => {
    db().exec('DROP TRIGGER audit_head_no_delete');
    db().prepare('DELETE FROM audit_head').run();
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: 11,
      reason: '操作日志的校验记录已被删除，无法确认末尾的日志是否完整',
    });
  });
});

describe('the IT person’s command', () => {
  const run = (path: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/verify-audit.ts'), path], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('reports an intact log, and names the first broken entry — while the app has the file open', () => {
    expect(run(box.dataPath)).toEqual({ code: 0, out: '操作日志完好：共 10 条，逐条校验通过。\n' });
    dropGuards();
    db().prepare(`UPDATE audit_log SET operator_name = '别人' WHERE id = 8`).run();
    const broken = run(box.dataPath);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('操作日志校验未通过：第 8 条日志内容与校验值不符。');
    expect(broken.out).toMatch(/第 8 条：.+，别人，新增乡镇（街道） #3/);
    expect(run(`${box.dir}/没有这个文件.db`).code).toBe(2);
  });
});

describe('evidence survives a restart (issue 15)', () => {
  it('a dropped head and a cut log stay broken after the app opens the file again', async () => {
    dropGuards();
    db().exec('DROP TABLE audit_head');
    db().prepare('DELETE FROM audit_log WHERE id > 8').run();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 9 });
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    // Before: the open rebuilt the head from the cut log and this said intact.
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: 9,
      reason: '操作日志的校验记录已被删除，无法确认末尾的日志是否完整',
    });
    // The app still works and still guards the log.
    const r = await box.b.dispatch('township.create', { code: '511323199', name: '镇X' }, { operator: staff.clerk });
    expect(r.ok).toBe(true);
    expect(() => db().prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow('操作日志只能追加，不能删除');
    expect(await verify()).toMatchObject({ ok: false });
    box.b.close();
  });

  it('a file whose head row was deleted gets no new one at open', async () => {
    db().exec('DROP TRIGGER audit_head_no_delete');
    db().prepare('DELETE FROM audit_head').run();
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 11 });
    box.b.close();
  });

  it('a new file has the head table from its migration, and a log written from it verifies', () => {
    const fresh = openDatabase(`${box.dir}/new.db`);
    expect(fresh.db.prepare('SELECT count(*) AS n FROM audit_head').get()).toEqual({ n: 0 });
    expect(verifyAudit(fresh.db)).toEqual({ ok: true, count: 0 });
    appendAudit(fresh.db, {
      at: '2018-01-01T00:00:00.000Z',
      operatorId: null,
      operatorName: '系统',
      action: 'create',
      entity: 'x',
      entityId: 1,
      before: null,
      after: null,
    });
    expect(verifyAudit(fresh.db)).toEqual({ ok: true, count: 1 });
    fresh.db.close();
  });
});
