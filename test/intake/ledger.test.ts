// 报送台账 through dispatch: counties × periods with on time / late against the deadline day (5th
// of the next month), missing, refused and draft only; the 催报 list and its message; the xlsx
// export; the intake list and the download of a file as received.
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { TestBackend } from '../helpers/backend';
import type { CallCtx } from '../../backend/context';
import type { InputOf, MethodName, OutputOf } from '../../core/api';
import { cityBackend, intakeFiles, receive, atTime } from './fixtures';

const { f, city } = intakeFiles();
let b: TestBackend;
const received: Record<string, number> = {};

// Midday in China is the same calendar day in UTC and in UTC+8, wherever the tests run.
const day = (d: string) => atTime(`${d}T12:00:00+08:00`);
const TODAY = day('2018-11-30');

beforeAll(async () => {
  b = await city();
  const take = async (name: string, bytes: Buffer, on: string) => {
    const r = await receive(b, name, bytes, day(on), { batchId: on });
    received[name] = r.results[0].fileId;
  };
  await take('蓬安县v1.xlsx', f.pengan1, '2018-11-03'); // on time
  await take('嘉陵区草稿.xlsx', f.jialingDraft, '2018-11-04'); // draft only
  await take('南部县.xlsx', f.nanbuEdited, '2018-11-04'); // refused (digest)
  await take('蓬安县v2.xlsx', f.pengan2, '2018-11-20'); // a late correction of an on-time report
  await take('顺庆区.xlsx', f.shunqing, '2018-11-08'); // late by 3 days
  await take('翠屏区.xlsx', f.otherCity, '2018-11-02'); // another city: not in the ledger
  // 营山县: nothing (missing).
}, 300_000);

async function call<M extends MethodName>(
  on: TestBackend,
  m: M,
  input: InputOf<M>,
  ctx: CallCtx,
): Promise<OutputOf<M>> {
  const r = await on.dispatch(m, input, ctx);
  if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
  return r.data as OutputOf<M>;
}
const ledger = (input: InputOf<'ledger.get'>) => call(b, 'ledger.get', input, TODAY);

describe('ledger.get', () => {
  it('shows every unit × period: on time, late, missing, refused, draft only, not yet due', async () => {
    const l = await ledger({ from: '2018-10', to: '2018-11' });
    expect(l.deadlineDay).toBe(5);
    expect(l.periods).toEqual([
      { period: '2018-10', periodText: '2018年10月', deadline: '2018-11-05', due: true },
      { period: '2018-11', periodText: '2018年11月', deadline: '2018-12-05', due: false },
    ]);
    expect(l.units.map((u) => u.name)).toEqual(['顺庆区', '嘉陵区', '南部县', '营山县', '蓬安县']);
    const oct = l.cells.filter((c) => c.period === '2018-10');
    expect(oct.map((c) => [c.unitCode, c.state, c.version, c.daysLate, c.versions])).toEqual([
      ['511302', '逾期报送', 1, 3, 1],
      ['511304', '仅草稿', null, 25, 0],
      ['511321', '拒收', null, 25, 0],
      ['511322', '未报', null, 25, 0],
      ['511323', '按时', 2, 0, 2],
    ]);
    const pengan = oct.find((c) => c.unitCode === '511323')!;
    expect(pengan.firstReceivedAt?.slice(0, 10)).toBe('2018-11-03');
    expect(pengan.receivedAt?.slice(0, 10)).toBe('2018-11-20');
    expect(oct.find((c) => c.unitCode === '511321')!.refusal).toMatchObject({
      reasonCode: 'DIGEST',
      fileId: received['南部县.xlsx'],
    });
    expect(l.cells.filter((c) => c.period === '2018-11').every((c) => c.state === '未到期')).toBe(true);
    expect(l.counts).toEqual({ 逾期报送: 1, 仅草稿: 1, 拒收: 1, 未报: 1, 按时: 1, 未到期: 5 });
  });

  it('filters by unit and by state; a DIGEST file accepted with a note counts as received on the day it arrived', async () => {
    expect((await ledger({ from: '2018-10', to: '2018-10', state: '未报' })).cells.map((c) => c.unitCode)).toEqual([
      '511322',
    ]);
    const one = await ledger({ from: '2018-10', to: '2018-11', unitCode: '511302' });
    expect(one.units).toEqual([{ code: '511302', name: '顺庆区' }]);
    expect(one.cells.map((c) => c.state)).toEqual(['逾期报送', '未到期']);

    await call(b, 'intake.accept', { fileId: received['南部县.xlsx'], note: '已电话核实' }, TODAY);
    const nanbu = (await ledger({ from: '2018-10', to: '2018-10', unitCode: '511321' })).cells[0];
    expect(nanbu).toMatchObject({ state: '按时', version: 1, acceptNote: '已电话核实', daysLate: 0 });
  });

  it('refuses a range past five years or backwards', async () => {
    const back = await b.dispatch('ledger.get', { from: '2018-11', to: '2018-10' }, TODAY);
    expect(back.ok ? null : back.error.message).toBe('起始报告期不能晚于截止报告期');
    const long = await b.dispatch('ledger.get', { from: '2010-01', to: '2018-10' }, TODAY);
    expect(long.ok ? null : long.error.message).toBe('一次最多查看 60 个月的台账');
  });
});

describe('ledger.reminders', () => {
  it('lists what each unit is missing since the deadline, and one message to paste', async () => {
    const r = { data: await call(b, 'ledger.reminders', { period: '2018-10' }, day('2018-11-12')) };
    expect(r.data.deadline).toBe('2018-11-05');
    expect(r.data.lines.map((x) => [x.unitName, x.state, x.missing, x.since, x.daysLate])).toEqual([
      ['嘉陵区', '仅草稿', '只报送了草稿，尚未正式报送', '2018-11-05', 7],
      ['营山县', '未报', '未报送', '2018-11-05', 7],
    ]);
    expect(r.data.text).toBe(
      [
        '各县（区）普查办：',
        '截至2018年11月12日，以下单位的2018年10月工作进度月报（报送截止日期：2018年11月5日）尚未正式报送：',
        '1. 嘉陵区：只报送了草稿，尚未正式报送，已逾期7天',
        '2. 营山县：未报送，已逾期7天',
        '请尽快在普查办工作台中正式报送，并将导出的报表原文件发送至南充市污普办。',
      ].join('\n'),
    );
  });

  it('names a refusal not sent again by its reason, and says when all have sent', async () => {
    const c = await cityBackend();
    try {
      await receive(c, '南部县.xlsx', f.nanbuEdited, day('2018-11-02'));
      const r = { data: await call(c, 'ledger.reminders', { period: '2018-10' }, day('2018-11-03')) };
      expect(r.data.lines.find((x) => x.unitCode === '511321')).toMatchObject({
        state: '拒收',
        missing: '报送的文件被拒收（数据摘要不符，导出后被修改过），尚未重新报送',
        daysLate: 0,
      });
      expect(r.data.text).toContain('3. 南部县：报送的文件被拒收（数据摘要不符，导出后被修改过），尚未重新报送\n');
    } finally {
      c.dispose();
    }
    const single = await cityBackend([{ code: '511302', name: '顺庆区' }]);
    try {
      await receive(single, '顺庆区.xlsx', f.shunqing, day('2018-11-02'));
      const r = { data: await call(single, 'ledger.reminders', { period: '2018-10' }, day('2018-11-03')) };
      expect(r.data.lines).toEqual([]);
      expect(r.data.text).toBe('截至2018年11月3日，各单位的2018年10月工作进度月报均已正式报送。');
    } finally {
      single.dispose();
    }
  });
});

describe('ledger.export, intake.list and intake.download', () => {
  it('exports the ledger as a workbook: the grid and the details', async () => {
    const r = { data: await call(b, 'ledger.export', { from: '2018-10', to: '2018-11' }, TODAY) };
    expect(r.data.fileName).toBe('南充市污普办_报送台账_2018年10月至2018年11月.xlsx');
    const wb = XLSX.read(Buffer.from(r.data.base64!, 'base64'));
    expect(wb.SheetNames.slice(0, 2)).toEqual(['报送台账', '报送明细']);
    const grid = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets['报送台账'], {
      header: 1,
      defval: null,
    });
    expect(String(grid[0][0])).toBe('南充市污普办工作进度月报报送台账');
    const row = (name: string) => grid.find((r) => r[2] === name)!;
    expect(row('蓬安县').slice(3)).toEqual(['按时 第2版 11-20', '未到期']);
    expect(row('顺庆区').slice(3)).toEqual(['逾期报送 第1版 11-08', '未到期']);
    expect(row('营山县').slice(3)).toEqual(['未报', '未到期']);
    const detail = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets['报送明细'], {
      header: 1,
      defval: null,
    });
    const shunqing = detail.find((r) => r[2] === '顺庆区' && r[3] === '2018年10月')!;
    expect(shunqing[5]).toBe('逾期报送');
    expect(shunqing[9]).toBe(3);
  });

  it('lists the files taken in with filters, and gives back each file exactly as received', async () => {
    const all = await b.ok('intake.list', {});
    expect(all.total).toBe(6);
    const refused = await b.ok('intake.list', { filters: { outcome: '拒收' } });
    expect(refused.rows.map((r) => [r.fileName, r.reasonCode, r.unitName])).toEqual([
      ['翠屏区.xlsx', 'OTHER_CITY', null],
      ['嘉陵区草稿.xlsx', 'DRAFT', '嘉陵区'],
    ]);
    const pengan = await b.ok('intake.list', { filters: { unitCode: '511323', period: '2018-10' } });
    expect(pengan.rows.map((r) => [r.fileName, r.outcome, r.version, r.replacedBy === null])).toEqual([
      ['蓬安县v2.xlsx', '新版本', 2, true],
      ['蓬安县v1.xlsx', '新收', 1, false],
    ]);
    expect((await b.ok('intake.list', { filters: { batchId: '2018-11-08' } })).rows.map((r) => r.fileName)).toEqual([
      '顺庆区.xlsx',
    ]);
    // Searched by the unit's name, sorted by file name: the list convention every .list keeps.
    const byName = await b.ok('intake.list', { q: '蓬安', sort: { field: 'fileName', dir: 'asc' } });
    expect(byName.rows.map((r) => r.fileName)).toEqual(['蓬安县v1.xlsx', '蓬安县v2.xlsx']);
    const dl = await b.ok('intake.download', { fileId: received['蓬安县v1.xlsx'] });
    expect(dl.fileName).toBe('蓬安县v1.xlsx');
    expect(Buffer.from(dl.base64!, 'base64').equals(f.pengan1)).toBe(true);
    expect(await b.err('intake.download', { fileId: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
