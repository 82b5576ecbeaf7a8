// 档案登记 through dispatch: create with defaults, the two cross-field rules in Chinese naming the
// field, filters, update and delete — each write one audit entry.
import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../../helpers/eachTest';
import { refusedOn } from '../budgetFixtures';

const b = tempBackendEachTest();

const audits = () => b.db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'archive'`).pluck().get();

describe('档案登记', () => {
  it('creates, filters, updates and deletes, audited', async () => {
    const a = await b.ok('archive.create', {
      archiveNo: 'ＷＰ-2018-001',
      title: '普查实施方案',
      category: '文书档案',
      year: 2018,
      filedDate: '2018年4月10日',
      location: '档案柜1',
      keeper: '张三',
    });
    expect(a).toMatchObject({ archiveNo: 'WP-2018-001', secrecy: '内部', filedDate: '2018-04-10', transferDate: null });
    await b.ok('archive.create', { title: '清查表册', category: '普查表册', secrecy: '秘密' });
    expect((await b.ok('archive.list', { filters: { filed: false } })).rows.map((r) => r.title)).toEqual(['清查表册']);
    expect((await b.ok('archive.list', { filters: { secrecy: '秘密' } })).total).toBe(1);
    const moved = await b.ok('archive.update', { id: a.id, transferDate: '2019-03-01', transferTo: '县档案馆' });
    expect(moved).toMatchObject({ transferDate: '2019-03-01', transferTo: '县档案馆' });
    expect((await b.ok('archive.list', { filters: { transferred: true } })).total).toBe(1);
    await b.ok('archive.delete', { id: a.id });
    expect(audits()).toBe(4);
  });

  it('refuses a 移交日期 before the 归档日期, or without whom to, and an unknown 类别', async () => {
    const a = await b.ok('archive.create', { title: '方案', category: '文书档案', filedDate: '2018-04-10' });
    let e = await refusedOn(b, 'archive.update', { id: a.id, transferDate: '2018-04-01', transferTo: '县档案馆' });
    expect(e.issues).toEqual([{ path: 'transferDate', message: '移交日期不能早于归档日期' }]);
    e = await refusedOn(b, 'archive.update', { id: a.id, transferDate: '2018-05-01' });
    expect(e.issues).toEqual([{ path: 'transferTo', message: '填写移交日期时须填写接收单位（人）' }]);
    e = await refusedOn(b, 'archive.create', { title: '方案', category: '杂项' });
    expect(e.issues[0].message).toMatch(/^档案类别应为以下之一：文书档案、/);
  });
});
