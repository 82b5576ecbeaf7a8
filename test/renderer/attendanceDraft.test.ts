// The sign-in grid's conveniences, and that what it sends is what attendance.save accepts.
import { describe, expect, it } from 'vitest';
import { attendanceSaveInput } from '../../core/schemas/training';
import { edit, merge, newGuest, toInput, type GridRow } from '../../renderer/pages/training/attendanceDraft';

const person = (over: Partial<GridRow> = {}): GridRow => ({
  key: 'a1',
  id: 1,
  personId: 7,
  guestName: null,
  guestUnit: null,
  guestPhone: null,
  signedIn: false,
  score: null,
  passed: null,
  makeupScore: null,
  makeupPassed: null,
  note: null,
  name: '张伟',
  detail: '普查员',
  changed: false,
  ...over,
});

describe('attendance draft', () => {
  it('a score signs the person in and is judged against the pass mark; the clerk can overrule', () => {
    const low = edit(person(), { score: 55 }, 60);
    expect(low).toMatchObject({ signedIn: true, passed: false, changed: true });
    expect(edit(person(), { score: 60 }, 60).passed).toBe(true);
    expect(edit(low, { passed: true }, 60).passed).toBe(true);
    expect(edit(person(), { score: 80 }, null).passed).toBeNull();
  });

  it('sends roster people by id and guests by their details, both valid for attendance.save', () => {
    const rows = [
      toInput(edit(person(), { score: 90 }, 60)),
      toInput(newGuest('刘洋', '相如镇人民政府', '13812345678')),
    ];
    const parsed = attendanceSaveInput.safeParse({ sessionId: 3, rows });
    expect(parsed.success).toBe(true);
    expect(rows[1]).toMatchObject({ id: null, personId: null, guestName: '刘洋', signedIn: true });
  });

  it('names the grid row the schema refuses', () => {
    const parsed = attendanceSaveInput.safeParse({
      sessionId: 3,
      rows: [toInput(person({ score: 101, signedIn: true }))],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['rows', 0, 'score'] });
    expect(parsed.error!.issues[0].message).toBe('第1行：成绩应在0到100之间');
  });

  it('keeps unsaved edits when the list is loaded again', () => {
    const local = [edit(person(), { score: 70 }, 60), newGuest('刘洋', null, null)];
    const loaded = [person(), person({ key: 'a2', id: 2, personId: 8, name: '王强' })];
    const merged = merge(local, loaded);
    expect(merged.map((r) => [r.name, r.score])).toEqual([
      ['张伟', 70],
      ['王强', null],
      ['刘洋', null],
    ]);
  });
});
