// The 培训签到表 and 合同跟踪表 take their title, 表号/制定机关 and footer from the clerk's report
// texts (settings reportTexts 'R4-signin' / 'R5-tracking'): the defaults are the wording the forms
// always had; a changed text shows up in the exported workbook and in the print data alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import { demoBackend, excelOf, exportReport, nowCtx } from './helpers';
import { SIGN_IN } from '../../core/reports/layouts/people';
import { CONTRACT_NODES } from '../../core/reports/layouts/money';
import { DEFAULT_REPORT_TEXTS } from '../../core/schemas/system';
import type { TableDoc } from '../../core/reports/doc';
import type { TrackingDoc } from '../../core/reports/tracking';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const SESSION = 6; // 普查软件系统操作培训班
const CONTRACT = 1; // PAWP-2018-001

/** Every non-empty cell's text, top to bottom. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => c.value != null && c.value !== '' && out.push(String(c.value))));
  return out;
}

async function signInSheet() {
  const out = await exportReport(b, { reportId: 'R4-signin', sessionId: SESSION });
  return (await excelOf(out.bytes)).getWorksheet(SIGN_IN.sheetName)!;
}
async function trackingSheet() {
  const out = await exportReport(b, { reportId: 'R5-tracking', contractId: CONTRACT });
  return (await excelOf(out.bytes)).getWorksheet(CONTRACT_NODES.sheetName)!;
}
const printSignIn = async () =>
  (await b.dispatch('print.signInSheet', { sessionId: SESSION }, nowCtx)) as { ok: true; data: TableDoc };
const printContract = async () =>
  (await b.dispatch('print.contractSheet', { contractId: CONTRACT }, nowCtx)) as { ok: true; data: TrackingDoc };

describe('the two forms’ wording is a report text', () => {
  it('starts as the wording the forms always had, and settings.get shows it for editing', async () => {
    const { value } = await b.ok('settings.get', { key: 'reportTexts' });
    expect(value['R4-signin']).toEqual(DEFAULT_REPORT_TEXTS['R4-signin']);
    expect(value['R5-tracking'].title).toBe('{普查名称}第三方服务合同履约跟踪表');

    const signIn = await signInSheet();
    expect(signIn.getCell('A1').value).toBe('普查软件系统操作培训班签到表');
    expect(texts(signIn)).toContain('经办人：　　　　　　　　　　　　日期：　　　年　　月　　日');
    const tracking = await trackingSheet();
    expect(tracking.getCell('A1').value).toBe('第二次全国污染源普查第三方服务合同履约跟踪表');
    expect(tracking.getCell('G2').value).toBe('单位：元');
    expect(texts(tracking).at(-1)).toMatch(/^经办人：.*污普办负责人：/);
  });

  it('a changed text shows in the exported workbooks and the print data, placeholders filled', async () => {
    await b.ok('settings.set', {
      key: 'reportTexts',
      value: {
        'R4-signin': {
          title: '{县名}{培训班名称}学员签到册',
          tableNo: '川污普培1表',
          authority: null,
          footer: '培训组织人：　　　　审核：',
        },
        'R5-tracking': {
          title: '{合同编号}《{合同名称}》履约台账',
          tableNo: null,
          authority: '{市名}污普办',
          footer: '经办：　　　　复核：',
        },
      },
    });
    const { value } = await b.ok('settings.get', { key: 'reportTexts' });
    expect(value['R4-signin'].title).toBe('{县名}{培训班名称}学员签到册');
    expect(value.R4).toEqual(DEFAULT_REPORT_TEXTS.R4); // the others keep their wording

    const signIn = await signInSheet();
    expect(signIn.getCell('A1').value).toBe('蓬安县普查软件系统操作培训班学员签到册');
    const signInTexts = texts(signIn);
    expect(signInTexts.some((t) => t.includes('表\u3000\u3000号：川污普培1表'))).toBe(true);
    expect(signInTexts).toContain('培训组织人：　　　　审核：');
    expect(signInTexts.some((t) => t.startsWith('经办人：'))).toBe(false);

    const contract = await b.ok('contract.get', { id: CONTRACT });
    const tracking = await trackingSheet();
    expect(tracking.getCell('A1').value).toBe(`${contract.contractNo}《${contract.name}》履约台账`);
    expect(tracking.getCell('G2').value).toBe('制定机关：南充市污普办\n单位：元');
    expect(texts(tracking).at(-1)).toBe('经办：　　　　复核：');

    const printed = (await printSignIn()).data;
    expect(printed.title).toBe('蓬安县普查软件系统操作培训班学员签到册');
    expect(printed.unitLine.right).toContain('表\u3000\u3000号：川污普培1表');
    expect(printed.footer).toBe('培训组织人：　　　　审核：');
    const form = (await printContract()).data;
    expect(form.title).toBe(`${contract.contractNo}《${contract.name}》履约台账`);
    expect(form.unitLine.right).toBe('制定机关：南充市污普办\n单位：元');
    expect(form.signatures).toBe('经办：　　　　复核：');
  });

  it('a footer left empty leaves the signature line out', async () => {
    await b.ok('settings.set', {
      key: 'reportTexts',
      value: { 'R5-tracking': { title: '合同跟踪表', tableNo: null, authority: null, footer: null } },
    });
    expect((await printContract()).data.signatures).toBe('');
    // Neither the earlier nor the default signature line is there.
    expect(texts(await trackingSheet()).some((t) => t.includes('复核') || t.includes('科室负责人'))).toBe(false);
  });

  it('a bad text is refused with the field named, and the wording stays as it was', async () => {
    const before = await b.ok('settings.get', { key: 'reportTexts' });
    const e = await b.err('settings.set', {
      key: 'reportTexts',
      value: { 'R4-signin': { title: '', tableNo: null, authority: null, footer: null } },
    });
    expect(e.issues.map((i) => i.message).join('；')).toContain('培训签到表标题');
    expect(await b.ok('settings.get', { key: 'reportTexts' })).toEqual(before);
  });

  it('a placeholder the profile leaves empty stops the export with the field to fill in', async () => {
    await b.ok('settings.set', {
      key: 'reportTexts',
      value: {
        'R4-signin': {
          title: '{培训班名称}签到表',
          tableNo: null,
          authority: null,
          footer: '统计负责人：{统计负责人}',
        },
      },
    });
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...office
    } = (await b.ok('office.get', {}))! as Record<string, unknown>;
    await b.ok('office.save', { ...office, statsHeadName: null } as never);
    const r = await b.dispatch('print.signInSheet', { sessionId: SESSION }, nowCtx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('统计负责人');
  });
});
