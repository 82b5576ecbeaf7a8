// A block pasted into 签到与考核: each cell read as if typed, unreadable ones marked, the rest applied.
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../core/tsv';
import type { GridRow } from '../../renderer/pages/training/attendanceDraft';
import { ATTENDANCE_COLUMNS, copiedCell, pasteInto } from '../../renderer/pages/training/attendancePaste';

const row = (key: string, name: string): GridRow => ({
  key,
  id: Number(key.slice(1)),
  personId: Number(key.slice(1)),
  guestName: null,
  guestUnit: null,
  guestPhone: null,
  signedIn: false,
  score: null,
  passed: null,
  makeupScore: null,
  makeupPassed: null,
  note: null,
  name,
  detail: '普查员',
  changed: false,
});

/** The cells a paste at (row, column) writes, as the grid hook hands them over. */
function cellsAt(text: string, row: number, col: string) {
  const start = ATTENDANCE_COLUMNS.indexOf(col as never);
  return parseTsv(text).flatMap((cells, r) =>
    cells.map((t, c) => ({ row: row + r, col: ATTENDANCE_COLUMNS[start + c], text: t })),
  );
}

const rows = [row('a1', '张伟'), row('a2', '李娜'), row('a3', '王强')];

describe('pasting into 签到与考核', () => {
  it('a column of scores lands one per person, signs them in and is judged by the pass mark', () => {
    const r = pasteInto(rows, cellsAt('88\r\n55\r\n95\r\n', 0, 'score'), 60);
    expect(r.rows.map((x) => [x.score, x.signedIn, x.passed, x.changed])).toEqual([
      [88, true, true, true],
      [55, true, false, true],
      [95, true, true, true],
    ]);
    expect(r.errors.size).toBe(0);
  });
  it('a verdict pasted beside a score overrules the pass mark; a blank one leaves it to the mark', () => {
    const r = pasteInto(rows, cellsAt('88\t不合格\r\n50\t\r\n', 0, 'score'), 60);
    expect(r.rows[0]).toMatchObject({ score: 88, passed: false });
    expect(r.rows[1]).toMatchObject({ score: 50, passed: false });
  });
  it('an unreadable or out-of-range cell is marked and keeps its value; the others are applied', () => {
    const r = pasteInto(rows, cellsAt('88 79 95\r\n1000\r\n缺考\r\n', 0, 'score'), 60);
    expect(r.rows.map((x) => x.score)).toEqual([null, null, null]);
    expect([...r.errors]).toEqual([
      ['a1:score', '成绩应为数字：「88 79 95」'],
      ['a2:score', '成绩应在0到100之间'],
      ['a3:score', '成绩应为数字：「缺考」'],
    ]);
    const ok = pasteInto(rows, cellsAt('√\t90\r\n', 1, 'signedIn'), 60);
    expect(ok.rows[1]).toMatchObject({ signedIn: true, score: 90, passed: true });
    expect(ok.cleared).toEqual(['a2:signedIn', 'a2:score']);
  });
  it('columns that cannot be typed (序号, 姓名, 类别) are skipped; rows past the end are ignored', () => {
    const r = pasteInto(rows, cellsAt('1\t别人\t单位\t是\r\n', 2, 'seq'), 60);
    expect(r.rows[2]).toMatchObject({ name: '王强', detail: '普查员', signedIn: true });
    expect(pasteInto(rows, [{ row: 5, col: 'score', text: '90' }], 60).rows).toEqual(rows);
  });
  it('copies cells as a sheet shows them', () => {
    const done = { ...rows[0], signedIn: true, score: 88, passed: true, note: '迟到' };
    expect(ATTENDANCE_COLUMNS.map((c) => copiedCell(done, 0, c))).toEqual([
      '1',
      '张伟',
      '普查员',
      '√',
      '88',
      '合格',
      '',
      '',
      '迟到',
    ]);
  });
});
