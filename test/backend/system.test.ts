import { describe, expect, it, vi } from 'vitest';
import { adminCtx } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { PENGAN_OFFICE } from '../helpers/offices';
import { hashPassword, needsRehash, verifyPassword } from '../../backend/passwords';
import { DEFAULT_REPORT_TEXTS, fillReportText } from '../../core/schemas/system';

const b = tempBackendEachTest();

const office = PENGAN_OFFICE;
const anonymous = { operator: null, checkOutput: true };

async function init() {
  return b.ok('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
}

describe('first run', () => {
  it('reports the status, creates profile and first 管理员 at once, and refuses a second run', async () => {
    expect(await b.ok('setup.status', {})).toEqual({
      hasOffice: false,
      hasOperators: false,
      encrypted: false,
      locked: false,
    });
    expect(await b.ok('office.get', {})).toBeNull();
    const admin = await init();
    expect(admin).toEqual({ id: 1, name: 'admin', role: '管理员' });
    expect(await b.ok('setup.status', {})).toEqual({
      hasOffice: true,
      hasOperators: true,
      encrypted: false,
      locked: false,
    });
    expect(await b.ok('office.get', {})).toMatchObject({
      ...office,
      censusName: '第二次全国污染源普查',
      referenceDate: '2017-12-31',
    });
    const log = await b.ok('audit.list', {});
    expect(log.rows.map((r) => r.action)).toEqual(['setup']);
    expect(JSON.stringify(log.rows)).not.toContain('scrypt');

    const before = b.snapshot();
    const e = await b.err('setup.init', { office, admin: { name: 'other', password: 'secret123' } });
    expect(e).toMatchObject({ code: 'ALREADY_INITIALIZED', message: '系统已完成初始化，不能重复初始化' });
    expect(b.snapshot()).toEqual(before);
  });

  it('validates the whole request before writing anything', async () => {
    const before = b.snapshot();
    const e = await b.err('setup.init', {
      office: { ...office, cityCode: '5114' },
      admin: { name: 'admin', password: '123' },
    });
    expect(e.code).toBe('INVALID_INPUT');
    // Every fault at once, each naming its field.
    expect(e.message).toBe('县级区划代码511323不属于上级区划5114（应以5114开头）；管理员密码至少8位');
    expect(e.issues.map((i) => i.path)).toEqual(['office.countyCode', 'admin.password']);
    const f = await b.err('setup.init', {
      office: { ...office, cityCode: '5114' },
      admin: { name: 'admin', password: 'secret123' },
    });
    expect(f.message).toBe('县级区划代码511323不属于上级区划5114（应以5114开头）');
    expect(f.issues[0].path).toBe('office.countyCode');
    expect(b.snapshot()).toEqual(before);
  });

  it('is open to a caller without an operator, and audited as 系统', async () => {
    const r = await b.dispatch('setup.init', { office, admin: { name: 'admin', password: 'secret123' } }, anonymous);
    expect(r.ok).toBe(true);
    const log = await b.ok('audit.list', {});
    expect(log.rows[0].operatorName).toBe('系统');
  });
});

describe('office profile', () => {
  it('saves with defaults, normalises codes and phones, and keeps created_at on a second save', async () => {
    const first = await b.ok('office.save', {
      ...office,
      countyCode: '５１１３２３',
      cityCode: '511300',
      phone: '0817 - 8621234'.replace(/ /g, ''),
      headName: '',
    });
    expect(first).toMatchObject({
      countyCode: '511323',
      cityCode: '5113',
      phone: '0817-8621234',
      headName: null,
      reportRhythm: '每月',
      moneyUnit: '元',
      totalRowPosition: 'top',
    });
    const second = await b.ok('office.save', {
      ...office,
      reportRhythm: '每两周',
      moneyUnit: '万元',
      totalRowPosition: 'bottom',
      referenceDate: '2017.12.31',
    });
    expect(second).toMatchObject({
      reportRhythm: '每两周',
      moneyUnit: '万元',
      totalRowPosition: 'bottom',
      phone: null,
      referenceDate: '2017-12-31',
    });
    expect(second.createdAt).toBe(first.createdAt);
    const log = await b.ok('audit.list', { filters: { entity: 'office' } });
    expect(log.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(log.rows[0].before).toMatchObject({ reportRhythm: '每月' });
    expect(log.rows[0].after).toMatchObject({ reportRhythm: '每两周' });
  });

  it('rejects bad fields with messages naming them, and changes nothing', async () => {
    await b.ok('office.save', office);
    const before = b.snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ countyCode: '51132' }, '县级区划代码应为6位数字，实为5位：51132'],
      [{ countyCode: '511300' }, '县级区划代码末两位不能为00（那是市级代码）：511300'],
      [{ cityCode: '51' }, '市（州）代码格式不正确（4位数字，如 5113）'],
      [{ cityCode: '5100' }, '市（州）代码末两位不能为00（那是省级代码）：5100'],
      [{ unitName: '  ' }, '填报单位不能为空'],
      [{ phone: '12345' }, '联系电话格式不正确：12345（应为11位手机号，或区号-号码，如 0817-1234567）'],
      [{ moneyUnit: '千元' }, '报表金额单位应为以下之一：元、万元'],
      [{ referenceDate: '2017-02-30' }, '标准时点不是有效日期：2017-02-30'],
    ];
    for (const [patch, message] of cases) {
      const e = await b.err('office.save', { ...office, ...patch });
      expect(e.message).toBe(message);
    }
    const { unitName: _u, ...missing } = office;
    expect((await b.err('office.save', missing)).message).toBe('填报单位不能为空');
    expect((await b.err('office.save', { ...office, extra: 1 })).message).toBe('无法识别的字段：extra');
    expect(b.snapshot()).toEqual(before);
  });
});

describe('settings', () => {
  it('returns the default report texts and keeps the reports a set does not name', async () => {
    const d = await b.ok('settings.get', { key: 'reportTexts' });
    expect(d.value).toEqual(DEFAULT_REPORT_TEXTS);
    const r1 = { title: '南充市污普人员花名册', tableNo: '污普1表', authority: '南充市污普办', footer: '' };
    const set = await b.ok('settings.set', { key: 'reportTexts', value: { R1: r1 } });
    expect(set.value.R1).toEqual({ ...r1, footer: null });
    expect(set.value.R3).toEqual(DEFAULT_REPORT_TEXTS.R3);
    expect((await b.ok('settings.get', { key: 'reportTexts' })).value.R1.tableNo).toBe('污普1表');
    const log = await b.ok('audit.list', { filters: { entity: 'settings' } });
    expect(log.total).toBe(1);
  });

  it('refuses unknown keys and bad values', async () => {
    const before = b.snapshot();
    expect((await b.err('settings.set', { key: 'dataFolder', value: 'x' })).message).toBe(
      '设置项应为以下之一：reportTexts',
    );
    expect((await b.err('settings.get', { key: 'dataFolder' })).message).toBe('设置项应为以下之一：reportTexts');
    const e = await b.err('settings.set', { key: 'reportTexts', value: { R6: { title: ' ' } } });
    expect(e.message).toBe('劳务报酬发放表标题不能为空');
    expect(e.issues[0].path).toBe('value.R6.title');
    expect((await b.err('settings.set', { key: 'reportTexts', value: { R7: { title: 'x' } } })).message).toBe(
      '无法识别的字段：R7',
    );
    expect(b.snapshot()).toEqual(before);
  });

  it('fills placeholders from the profile and leaves unknown ones', () => {
    expect(
      fillReportText(DEFAULT_REPORT_TEXTS.R6.title, {
        县名: '蓬安县',
        普查名称: '第二次全国污染源普查',
        期别: '2018年06月',
      }),
    ).toBe('蓬安县第二次全国污染源普查劳务报酬发放表（2018年06月）');
    expect(fillReportText('{县名}{其他}', { 县名: '蓬安县' })).toBe('蓬安县{其他}');
  });
});

describe('operators and login', () => {
  it('creates, lists and updates operators without ever returning a hash', async () => {
    await init();
    const clerk = await b.ok('operator.create', { name: ' 张三 ', role: '录入员', password: 'pass1234' });
    expect(clerk).toMatchObject({ name: '张三', role: '录入员', active: true, lastLoginAt: null });
    expect(Object.keys(clerk).sort()).toEqual([
      'active',
      'createdAt',
      'id',
      'lastLoginAt',
      'name',
      'role',
      'updatedAt',
    ]);
    const list = await b.ok('operator.list', { filters: { role: '录入员' } });
    expect(list.rows.map((r) => r.name)).toEqual(['张三']);
    expect((await b.ok('operator.list', {})).total).toBe(2);
    const off = await b.ok('operator.update', { id: clerk.id, active: false });
    expect(off.active).toBe(false);
    expect((await b.ok('operator.list', { filters: { active: true } })).total).toBe(1);
    const everything = JSON.stringify([await b.ok('operator.list', {}), await b.ok('audit.list', { pageSize: 1000 })]);
    expect(everything).not.toContain('scrypt');
    expect(everything).not.toContain('pass1234');
  });

  it('refuses duplicates, short passwords and switching off the last 管理员', async () => {
    await init();
    const before = b.snapshot();
    expect((await b.err('operator.create', { name: 'admin', role: '只读', password: 'pass1234' })).message).toBe(
      '操作员已存在相同的用户名“admin”',
    );
    expect((await b.err('operator.create', { name: 'x', role: '只读', password: '12345' })).message).toBe(
      '密码至少8位',
    );
    expect((await b.err('operator.create', { name: 'x', role: '超级用户', password: 'pass1234' })).message).toBe(
      '角色应为以下之一：管理员、录入员、只读',
    );
    const last = await b.err('operator.update', { id: 1, role: '录入员' });
    expect(last).toMatchObject({
      code: 'LAST_ADMIN',
      message: '至少需要保留一名启用的管理员：不能停用最后一名管理员或更改其角色',
    });
    expect((await b.err('operator.update', { id: 1, active: false })).code).toBe('LAST_ADMIN');
    expect((await b.err('operator.setPassword', { id: 99, password: 'abcdef12' })).message).toBe(
      '操作员不存在（编号 99）',
    );
    expect(b.snapshot()).toEqual(before);
    // With a second admin the first one may step down.
    await b.ok('operator.create', { name: 'admin2', role: '管理员', password: 'pass1234' });
    expect((await b.ok('operator.update', { id: 1, role: '录入员' })).role).toBe('录入员');
  });

  it('logs in with the right password only, and the new one after a reset', async () => {
    await init();
    const clerk = await b.ok('operator.create', { name: '张三', role: '录入员', password: 'pass1234' });
    const login = (name: string, password: string) => b.dispatch('session.login', { name, password }, anonymous);
    expect(await login('张三', 'pass1234')).toEqual({ ok: true, data: { id: clerk.id, name: '张三', role: '录入员' } });
    const before = b.snapshot();
    for (const [name, password] of [
      ['张三', 'wrong-pass'],
      ['李四', 'pass1234'],
    ]) {
      const r = await login(name, password);
      expect(r).toEqual({ ok: false, error: { code: 'LOGIN_FAILED', message: '用户名或密码错误', issues: [] } });
    }
    expect((await login('', '')).ok).toBe(false);
    // No data changes; each failure (not the invalid request) is recorded in the audit log, and the
    // existing account's failure count is kept for the back-off (login_failures, across restarts).
    const after = b.snapshot();
    const data = (s: Record<string, number>) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('audit_') && k !== 'login_failures'));
    expect(data(after)).toEqual(data(before));
    expect(after.audit_log).toBe(before.audit_log + 2);
    expect(after.login_failures).toBe(1);
    const failed = await b.ok('audit.list', { filters: { entity: 'session' }, pageSize: 2 });
    expect(failed.rows.map((r) => [r.action, r.operatorName, r.after])).toEqual([
      ['loginFailed', '（不存在的用户名）', { reason: '用户名不存在' }],
      ['loginFailed', '张三', { reason: '密码错误' }],
    ]);
    expect((await b.ok('operator.list', { filters: { role: '录入员' } })).rows[0].lastLoginAt).not.toBeNull();

    await b.ok('operator.setPassword', { id: clerk.id, password: 'newpass99' });
    expect((await login('张三', 'pass1234')).ok).toBe(false);
    expect((await login('张三', 'newpass99')).ok).toBe(true);
    const audit = await b.ok('audit.list', { filters: { entity: 'operator', entityId: clerk.id } });
    expect(audit.rows[0]).toMatchObject({ action: 'setPassword', after: { name: '张三', passwordReset: true } });

    await b.ok('operator.update', { id: clerk.id, active: false });
    const r = await login('张三', 'newpass99');
    expect(r.ok || r.error.message).toBe('该操作员已停用，请联系管理员');
  });

  it('tells the caller who it is', async () => {
    expect(await b.dispatch('session.current', {}, anonymous)).toEqual({ ok: true, data: null });
    expect(await b.ok('session.current', {})).toEqual(adminCtx.operator);
    expect(await b.ok('session.logout', {})).toBeNull();
  });
});

describe('passwords', () => {
  // The suite runs with a cheap cost (vitest.config.ts); this test uses the real one.
  it('salts, stores its parameters and compares in constant time', async () => {
    vi.stubEnv('CENSUSDESK_TEST_SCRYPT_N', undefined);
    const a = await hashPassword('pass1234');
    const c = await hashPassword('pass1234');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(c);
    expect(await verifyPassword('pass1234', a)).toBe(true);
    expect(await verifyPassword('pass1235', a)).toBe(false);
    expect(await verifyPassword('pass1234', 'plain')).toBe(false);
    expect(await verifyPassword('pass1234', a.replace('$131072$', '$1073741824$'))).toBe(false);
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash(a.replace('$131072$', '$65536$'))).toBe(true);
  });

  it('costs less only in a test run that asks for it, and a cheap hash still verifies anywhere', async () => {
    vi.stubEnv('CENSUSDESK_TEST_SCRYPT_N', String(1 << 10));
    const cheap = await hashPassword('pass1234');
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(needsRehash(cheap)).toBe(false);
    vi.stubEnv('NODE_ENV', 'production');
    expect(await hashPassword('pass1234')).toMatch(/^scrypt\$131072\$/);
    expect(await verifyPassword('pass1234', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    vi.stubEnv('NODE_ENV', 'test');
    for (const bad of ['512', '1000', '131072', 'x']) {
      vi.stubEnv('CENSUSDESK_TEST_SCRYPT_N', bad);
      expect(await hashPassword('pass1234')).toMatch(/^scrypt\$131072\$/);
    }
  });
});

describe('audit log and export history', () => {
  it('filters, pages newest first, and verifies the chain', async () => {
    await init();
    for (const [i, code] of ['511323100', '511323101', '511323200'].entries()) {
      await b.ok('township.create', { code, name: `镇${i}` });
    }
    const all = await b.ok('audit.list', {});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    const page = await b.ok('audit.list', { filters: { entity: 'township' }, page: 2, pageSize: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.rows.map((r) => r.entityId)).toEqual([1]);
    expect(
      (await b.ok('audit.list', { filters: { operatorName: '测试管理员', entityId: 2 } })).rows[0].after,
    ).toMatchObject({ name: '镇1' });
    expect((await b.ok('audit.list', { filters: { from: '2000-01-01', to: '2000-12-31' } })).total).toBe(0);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await b.ok('audit.list', { filters: { from: iso, to: iso } })).total).toBe(4);
    expect((await b.err('audit.list', { filters: { from: '2018-02-30' } })).message).toBe(
      '起始日期不是有效日期：2018-02-30',
    );

    expect(await b.ok('audit.verify', {})).toEqual({ ok: true, count: 4 });
    // The log refuses edits through SQLite triggers; someone with the file can drop them, and verify still catches it.
    b.db.exec('DROP TRIGGER audit_log_no_update');
    b.db.prepare(`UPDATE audit_log SET after_json = '{"name":"改过"}' WHERE id = 3`).run();
    expect(await b.ok('audit.verify', {})).toEqual({
      ok: false,
      count: 3,
      brokenAt: 3,
      reason: '第 3 条日志内容与校验值不符',
    });
  });

  it('lists exported reports by report and period, newest first', async () => {
    const insert = b.db.prepare(
      `INSERT INTO report_exports (report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash, figures_json, layout_version)
       VALUES (?, ?, ?, ?, NULL, '张三', ?, 'abc', '{"total":1}', 1)`,
    );
    insert.run('R2', '2018-06', 1, '2018-06-30T01:00:00.000Z', '蓬安县_工作进度月报_2018年06月.xlsx');
    insert.run('R2', '2018-06', 2, '2018-06-30T02:00:00.000Z', '蓬安县_工作进度月报_2018年06月(2).xlsx');
    insert.run('R3', '2018-06', 1, '2018-06-30T03:00:00.000Z', '蓬安县_经费预算及执行情况表_2018年06月.xlsx');
    const r2 = await b.ok('report.history', { filters: { reportId: 'R2', period: '2018-06' } });
    expect(r2.rows.map((r) => r.version)).toEqual([2, 1]);
    expect(r2.rows[0]).toMatchObject({ operatorName: '张三', figures: { total: 1 }, layoutVersion: 1 });
    expect((await b.ok('report.history', {})).rows.map((r) => r.reportId)).toEqual(['R3', 'R2', 'R2']);
    expect((await b.err('report.history', { filters: { reportId: 'R9' } })).message).toBe(
      '报表应为以下之一：R1、R2、R3、R4、R5、R6',
    );
  });
});
