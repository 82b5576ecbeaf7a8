// Six training sessions with sign-in and results; a few 普查员 failed or never came, so the
// dashboard has something true to say once the training deadline has passed.
import type { Caller } from './call';
import type { DemoDates } from './dates';
import type { Staff } from './staff';

export async function loadTraining(c: Caller, d: DemoDates, staff: Staff, trainingItemId: number) {
  const session = async (
    name: string,
    kind: '清查技术' | '入户调查技术规定' | '软件系统' | '两员选聘',
    level: '省' | '市' | '县',
    start: string,
    days: number,
    batch: string,
  ) =>
    c.write('training.create', {
      name,
      kind,
      hostLevel: level,
      hostUnit:
        level === '县' ? '蓬安县第二次全国污染源普查领导小组办公室' : level === '市' ? '南充市污普办' : '四川省污普办',
      startDate: d.at(start),
      endDate: d.at(start.slice(0, 8) + String(Number(start.slice(8)) + days - 1).padStart(2, '0')),
      location: level === '县' ? '蓬安县政府第三会议室' : '南充市',
      batch,
      hours: days * 6,
      instructor: level === '县' ? '县污普办、四川蜀环环境技术有限公司' : '省普查技术组',
      examMethod: '笔试',
    });
  const grade = (personIds: number[], failEvery: number, absentEvery: number) =>
    personIds.map((personId, i) => {
      const absent = absentEvery > 0 && i % absentEvery === absentEvery - 1;
      const failed = !absent && i % failEvery === 3;
      return {
        personId,
        signedIn: !absent,
        score: absent ? null : failed ? 52 + (i % 7) : 75 + (i % 20),
        passed: absent ? null : !failed,
      };
    });

  const half = Math.ceil(staff.enumerators.length / 2);
  const s1 = await session('县级清查技术培训班（第一期）', '清查技术', '县', '2018-05-14', 2, '第一期');
  await c.write('attendance.save', {
    sessionId: s1.id,
    rows: grade([...staff.supervisors, ...staff.enumerators.slice(0, half)], 1000, 0),
  });
  const s2 = await session('县级清查技术培训班（第二期）', '清查技术', '县', '2018-05-21', 2, '第二期');
  // The same two people miss both of their sessions (未培训); one fails both (已培训, not passed).
  await c.write('attendance.save', { sessionId: s2.id, rows: grade(staff.enumerators.slice(half), 30, 40) });
  const s3 = await session('全市入户调查技术规定培训班', '入户调查技术规定', '市', '2018-07-09', 3, '第一期');
  await c.write('attendance.save', { sessionId: s3.id, rows: grade(staff.supervisors, 1000, 0) });
  const s4 = await session('县级入户调查培训班（第一期）', '入户调查技术规定', '县', '2018-07-23', 2, '第一期');
  await c.write('attendance.save', { sessionId: s4.id, rows: grade(staff.enumerators.slice(0, half), 25, 0) });
  const s5 = await session('县级入户调查培训班（第二期）', '入户调查技术规定', '县', '2018-07-26', 2, '第二期');
  await c.write('attendance.save', { sessionId: s5.id, rows: grade(staff.enumerators.slice(half), 25, 40) });
  const s6 = await session('普查软件系统操作培训班', '软件系统', '县', '2018-08-06', 1, '第一期');
  await c.write('attendance.save', {
    sessionId: s6.id,
    rows: [
      ...grade(staff.supervisors.slice(0, 20), 1000, 0),
      { guestName: '陈志明', guestUnit: '锦屏镇人民政府', guestPhone: '13908171234', signedIn: true },
      { guestName: '杨丽', guestUnit: '相如街道办事处', guestPhone: '13908175678', signedIn: true },
    ],
  });
  for (const [s, cost] of [
    [s1, 9_800],
    [s2, 9_600],
    [s4, 11_200],
    [s5, 11_000],
    [s6, 4_500],
  ] as const) {
    await c.write('expenditure.create', {
      budgetItemId: trainingItemId,
      date: s.endDate,
      amount: cost * 100,
      summary: `${s.name}场地、资料费`,
      payee: '蓬安县嘉陵宾馆',
      trainingId: s.id,
    });
  }
}
