import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { idCheckChar } from '../../core/validate/idNumber';
import type { InputOf } from '../../core/api';

const b = tempBackendEachTest();

let seq = 0;
/** A roster person with a valid ID and an explicit 人员编号 (no office profile needed). */
async function person(name: string, roles: string[]) {
  seq++;
  const body = `51132319800101${String(100 + seq).slice(-3)}`;
  const p = await b.ok('person.create', {
    name,
    roles: roles as never,
    idNumber: body + idCheckChar(body),
    personCode: `5113231${String(seq).padStart(4, '0')}`,
    employer: `${name}的单位`,
  });
  return p.id;
}

const session = (extra: Record<string, unknown> = {}): InputOf<'training.create'> =>
  ({
    name: '普查员入户调查培训班',
    kind: '入户调查技术规定',
    hostLevel: '县',
    hostUnit: '蓬安县污普办',
    startDate: '2018-07-10',
    endDate: '2018-07-12',
    location: '县政府三楼会议室',
    batch: '第一期',
    hours: 16,
    instructor: '市污普办 李老师',
    examMethod: '笔试',
    ...(extra as object),
  }) as InputOf<'training.create'>;

describe('training sessions through dispatch', () => {
  it('creates, reads, updates, lists with filters and search, and deletes a session', async () => {
    const s = await b.ok('training.create', session({ startDate: '2018.7.10', hours: 7.5 }));
    expect(s).toMatchObject({
      startDate: '2018-07-10',
      hours: 7.5,
      attendeeCount: 0,
      passRate: null,
      cost: 0,
      enumeratorCount: 0,
    });
    expect(await b.ok('training.get', { id: s.id })).toEqual(s);
    const u = await b.ok('training.update', { id: s.id, location: '相如镇会议室', examMethod: '' });
    expect(u).toMatchObject({ location: '相如镇会议室', examMethod: null, name: '普查员入户调查培训班' });

    await b.ok(
      'training.create',
      session({
        name: '清查技术培训',
        kind: '清查技术',
        hostLevel: '市',
        startDate: '2018-04-02',
        endDate: '2018-04-02',
      }),
    );
    expect((await b.ok('training.list', { filters: { kind: '清查技术' } })).rows.map((r) => r.name)).toEqual([
      '清查技术培训',
    ]);
    expect((await b.ok('training.list', { filters: { hostLevel: '县' } })).total).toBe(1);
    expect(
      (await b.ok('training.list', { filters: { from: '2018-07-01', to: '2018-07-31' } })).rows.map((r) => r.id),
    ).toEqual([s.id]);
    expect((await b.ok('training.list', { filters: { to: '2018-06-30' } })).rows.map((r) => r.name)).toEqual([
      '清查技术培训',
    ]);
    expect((await b.ok('training.list', { q: '相如镇' })).rows.map((r) => r.id)).toEqual([s.id]);
    const sorted = await b.ok('training.list', { sort: { field: 'startDate', dir: 'desc' } });
    expect(sorted.rows.map((r) => r.startDate)).toEqual(['2018-07-10', '2018-04-02']);

    expect(await b.ok('training.delete', { id: s.id })).toEqual({ id: s.id });
    expect((await b.err('training.get', { id: s.id })).message).toBe(`培训班不存在（编号 ${s.id}）`);
  });

  it('rejects bad input with the field named and leaves the data as it was', async () => {
    const before = b.snapshot();
    expect((await b.err('training.create', session({ kind: '其他' }))).message).toBe(
      '培训类型应为以下之一：清查技术、两员选聘、入户调查技术规定、报表制度、核算方法、软件系统、数据审核、质量核查、档案整理、宣传',
    );
    expect((await b.err('training.create', session({ name: '  ' }))).message).toBe('培训班名称不能为空');
    expect((await b.err('training.create', session({ hours: -1 }))).message).toBe('学时不能小于0');
    const e = await b.err('training.create', session({ startDate: '2018-07-12', endDate: '2018-07-10' }));
    expect(e.message).toBe('结束日期（2018-07-10）不能早于开始日期（2018-07-12）');
    expect(e.issues[0].path).toBe('endDate');
    expect(b.snapshot()).toEqual(before);
  });

  it('shows the cost as the sum of the expenditures linked to the session and refuses to delete it while they exist', async () => {
    const s = await b.ok('training.create', session());
    const item = await b.ok('budgetItem.create', { name: '培训费', year: 2018, amount: 1_000_000 });
    const spend = (amount: number) =>
      b.ok('expenditure.create', {
        budgetItemId: item.id,
        date: '2018-07-12',
        amount,
        summary: '培训场地费',
        trainingId: s.id,
      });
    await spend(123_456);
    await spend(50_000);
    expect((await b.ok('training.get', { id: s.id })).cost).toBe(173_456);
    const before = b.snapshot();
    const e = await b.err('training.delete', { id: s.id });
    expect(e.code).toBe('IN_USE');
    expect(e.message).toBe('无法删除培训班：仍有2 条支出引用它，请先处理这些记录');
    expect(b.snapshot()).toEqual(before);
  });
});

describe('attendance: the fast-entry grid', () => {
  it('enrols roster people, saves sign-in and results in one audit entry, and derives the session figures', async () => {
    const s = await b.ok('training.create', session());
    const enumerator = await person('张三', ['普查员']);
    const both = await person('李四', ['普查员', '普查指导员']);
    const liaison = await person('王五', ['乡镇(街道)联络员', '村(居)联络员']);
    const agencyStaff = await person('赵六', ['第三方机构人员']);
    const absent = await person('钱七', ['普查员']);

    const added = await b.ok('attendance.addPeople', {
      sessionId: s.id,
      personIds: [enumerator, both, liaison, agencyStaff, absent, enumerator],
    });
    expect(added).toEqual({ sessionId: s.id, added: 5, skipped: 0 });
    expect(await b.ok('attendance.addPeople', { sessionId: s.id, personIds: [enumerator] })).toEqual({
      sessionId: s.id,
      added: 0,
      skipped: 1,
    });

    const auditBefore = (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const saved = await b.ok('attendance.save', {
      sessionId: s.id,
      rows: [
        { personId: enumerator, signedIn: true, score: 85, passed: true },
        { personId: both, signedIn: true, score: 52, passed: false, makeupScore: 75, makeupPassed: true },
        { personId: liaison, signedIn: true, score: 40, passed: false },
        { personId: agencyStaff, signedIn: true },
        {
          guestName: '孙八',
          guestUnit: '金溪乡人民政府',
          guestPhone: '0817-8123456',
          signedIn: true,
          score: 90,
          passed: true,
        },
      ],
    });
    expect(saved).toMatchObject({ inserted: 1, updated: 4 });
    expect((b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore + 1);
    // A passed 补考 makes the final verdict 合格: the people view reads `passed` alone.
    const bothRow = saved.rows.find((r) => r.personId === both)!;
    expect(bothRow).toMatchObject({
      passed: true,
      makeupPassed: true,
      makeupScore: 75,
      roles: ['普查员', '普查指导员'],
      name: '李四',
      isGuest: false,
    });
    expect((await b.ok('person.get', { id: both })).trainingStatus).toBe('考核合格');
    expect((await b.ok('person.get', { id: liaison })).trainingStatus).toBe('已培训');
    expect((await b.ok('person.get', { id: absent })).trainingStatus).toBe('未培训');

    const rec = await b.ok('training.get', { id: s.id });
    expect(rec).toMatchObject({
      attendeeCount: 6,
      signedInCount: 5,
      examinedCount: 4,
      passedCount: 3,
      passRate: 75,
      enumeratorCount: 2,
      supervisorCount: 1,
      liaisonCount: 1,
      thirdPartyCount: 1,
      guestCount: 1,
    });

    // Saving the same grid again updates the same rows (the guest is known by name and unit).
    const again = await b.ok('attendance.save', {
      sessionId: s.id,
      rows: [{ guestName: '孙八', guestUnit: '金溪乡人民政府', signedIn: true, score: 95, passed: true }],
    });
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    expect(again.rows.find((r) => r.isGuest)).toMatchObject({
      score: 95,
      guestPhone: null,
      name: '孙八',
      unit: '金溪乡人民政府',
    });
  });

  it('names the row of every refused line, writes nothing and keeps the audit log as it was', async () => {
    const s = await b.ok('training.create', session());
    const p = await person('张三', ['普查员']);
    const before = b.snapshot();
    const bad = (rows: unknown[]) => b.err('attendance.save', { sessionId: s.id, rows });

    expect(
      (
        await bad([
          { personId: p, signedIn: true },
          { guestName: '甲', signedIn: true },
          { personId: p, signedIn: true, score: 101 },
        ])
      ).message,
    ).toBe('第3行：成绩应在0到100之间');
    expect((await bad([{ signedIn: true }])).message).toBe('第1行：请选择人员，或填写临时参训人员的姓名');
    expect((await bad([{ personId: p, guestName: '乙' }])).message).toBe(
      '第1行：已选择花名册人员时不能再填写临时人员的姓名、单位或电话',
    );
    expect((await bad([{ personId: p, signedIn: false, score: 80 }])).message).toBe(
      '第1行：未签到的人员不能有考核成绩',
    );
    expect((await bad([{ personId: p, signedIn: true, makeupScore: 70 }])).message).toBe(
      '第1行：填写补考前请先填写首次考核是否合格',
    );
    expect((await bad([{ personId: p, signedIn: true, passed: true, makeupPassed: false }])).message).toBe(
      '第1行：补考不合格时“是否合格”不能为“是”',
    );
    expect((await bad([{ guestName: '丙', guestPhone: '12345' }])).message).toBe(
      '第1行：联系电话格式不正确：12345（应为11位手机号，或区号-号码，如 0817-1234567）',
    );
    expect((await bad([{ personId: p, colour: 'red' }])).message).toBe('第1行：无法识别的字段：colour');
    const two = await bad([{ personId: p, signedIn: true }, { personId: 999, signedIn: true }, { personId: p }]);
    expect(two.message).toBe('第2行：人员不存在（编号 999）；第3行：与第1行是同一参训人员');
    expect(two.issues.map((i) => i.path)).toEqual(['rows.1.personId', 'rows.2']);
    expect((await bad([])).message).toBe('签到记录至少填写1行');
    expect((await b.err('attendance.save', { sessionId: 999, rows: [{ personId: p }] })).message).toBe(
      '培训班不存在（编号 999）',
    );
    expect((await b.err('attendance.addPeople', { sessionId: s.id, personIds: [p, 998, 999] })).message).toBe(
      '人员不存在（编号 998、999）',
    );
    expect(b.snapshot()).toEqual(before);
  });

  it('lists attendance by session, person and search, deletes a row, and guards signed-in sessions', async () => {
    const s1 = await b.ok('training.create', session());
    const s2 = await b.ok(
      'training.create',
      session({ name: '软件系统培训', kind: '软件系统', startDate: '2018-08-01', endDate: '2018-08-01', hours: 4 }),
    );
    const p = await person('张三', ['普查员']);
    await b.ok('attendance.save', {
      sessionId: s1.id,
      rows: [
        { personId: p, signedIn: true, score: 80, passed: true },
        { guestName: '孙八', signedIn: false },
      ],
    });
    await b.ok('attendance.save', { sessionId: s2.id, rows: [{ personId: p, signedIn: true }] });

    expect((await b.ok('attendance.list', { filters: { sessionId: s1.id } })).total).toBe(2);
    const mine = await b.ok('attendance.list', { filters: { personId: p } });
    expect(mine.rows.map((r) => r.sessionName)).toEqual(['普查员入户调查培训班', '软件系统培训']);
    expect((await b.ok('attendance.list', { filters: { isGuest: true } })).rows.map((r) => r.name)).toEqual(['孙八']);
    expect((await b.ok('attendance.list', { filters: { signedIn: false } })).total).toBe(1);
    expect((await b.ok('attendance.list', { filters: { passed: true } })).total).toBe(1);
    expect((await b.ok('attendance.list', { q: '孙' })).total).toBe(1);
    expect((await b.ok('attendance.list', { q: '张三的单位' })).total).toBe(2);

    const history = await b.ok('training.historyOf', { personId: p });
    expect(history.personName).toBe('张三');
    expect(history.totalHours).toBe(20);
    expect(history.sessions.map((h) => [h.name, h.passed])).toEqual([
      ['普查员入户调查培训班', true],
      ['软件系统培训', null],
    ]);
    expect((await b.err('training.historyOf', { personId: 999 })).message).toBe('人员不存在（编号 999）');

    // The people's training status rests on signed-in rows: the session cannot take them away.
    let before = b.snapshot();
    const refused = await b.err('training.delete', { id: s2.id });
    expect(refused.message).toBe('无法删除培训班：已有1人签到，人员的培训情况以此为据，请先删除这些签到记录');
    expect(b.snapshot()).toEqual(before);

    const row = (await b.ok('attendance.list', { filters: { sessionId: s2.id } })).rows[0];
    expect(await b.ok('attendance.delete', { id: row.id })).toEqual({ id: row.id });
    before = b.snapshot();
    expect((await b.err('attendance.delete', { id: row.id })).message).toBe(`签到与考核记录不存在（编号 ${row.id}）`);
    expect(b.snapshot()).toEqual(before);
    expect(await b.ok('training.delete', { id: s2.id })).toEqual({ id: s2.id });
    // Deleting the person is refused while attendance refers to them.
    expect((await b.err('person.delete', { id: p })).message).toContain('培训签到与考核记录');
  });
});
