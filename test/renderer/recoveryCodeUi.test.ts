// The 恢复码 as the page handles it: the two groups the wizard asks back, a typed code checked as the
// API checks it, which refusals stay at the field, and the printed A4 sheet.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newRecoveryCode, recoveryCodeGroups } from '../../core/recoveryCode';
import { pickTwoGroups, wrongGroups } from '../../renderer/pages/encryption/confirmGroups';
import { checkRecoveryCode, recoveryCodeMessage } from '../../renderer/pages/encryption/recoveryCodeCheck';
import { renderRecoveryCodeSheet } from '../../renderer/print/recoveryCodeSheet';

const CODE = newRecoveryCode(randomBytes(16));
const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('the two groups typed back', () => {
  it('are two different groups, in order, for any random draw', () => {
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 7; b++) {
        let n = 0;
        const [x, y] = pickTwoGroups(() => [a / 8 + 0.01, b / 7 + 0.01][n++]);
        expect(x).toBeLessThan(y);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThan(8);
      }
  });

  it('accept the groups as printed, with spaces or full-width digits, and name the wrong one', () => {
    const groups = recoveryCodeGroups(CODE);
    expect(wrongGroups(CODE, [2, 5], [groups[2], groups[5]])).toEqual([]);
    expect(wrongGroups(CODE, [2, 5], [` ${toFullWidth(groups[2])} `, groups[5]])).toEqual([]);
    const off = groups[5] === '0000' ? '0001' : '0000';
    expect(wrongGroups(CODE, [2, 5], [groups[2], off])).toEqual([6]);
    expect(wrongGroups(CODE, [2, 5], ['', ''])).toEqual([3, 6]);
  });
});

describe('a typed 恢复码', () => {
  it('is taken with spaces, dashes or full-width digits and sent in its printed form', () => {
    const spaced = recoveryCodeGroups(CODE).join(' ');
    expect(checkRecoveryCode(spaced)).toEqual({ ok: true, code: CODE });
    expect(checkRecoveryCode(toFullWidth(CODE))).toEqual({ ok: true, code: CODE });
  });

  it('is refused before sending when it is short or a digit is wrong', () => {
    expect(checkRecoveryCode('1234 5678')).toEqual({ ok: false, message: '恢复码应为32位数字（共8组，每组4位）' });
    const last = CODE.at(-1) === '9' ? '0' : String(Number(CODE.at(-1)) + 1);
    const r = checkRecoveryCode(CODE.slice(0, -1) + last);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('校验位不符');
  });

  it('keeps the code’s refusals at the field and leaves the others to the dialog', () => {
    const wrong = {
      code: 'RECOVERY_CODE_WRONG',
      message: '恢复码不正确：未作任何改动。',
      issues: [{ path: 'recoveryCode', message: '恢复码不正确' }],
    };
    expect(recoveryCodeMessage(wrong)).toBe('恢复码不正确：未作任何改动。');
    const needed = { code: 'RECOVERY_CODE_NEEDED', message: '该数据包已加密，请输入恢复码', issues: [] };
    expect(recoveryCodeMessage(needed)).toBe('该数据包已加密，请输入恢复码');
    const field = {
      code: 'VALIDATION',
      message: '输入有误',
      issues: [{ path: 'recoveryCode', message: '恢复码有误' }],
    };
    expect(recoveryCodeMessage(field)).toBe('恢复码有误');
    expect(recoveryCodeMessage({ code: 'NOT_FOUND', message: '备份不存在', issues: [] })).toBeNull();
  });
});

describe('the printed 恢复码 sheet', () => {
  const html = renderRecoveryCodeSheet({
    unitName: '蓬安县第二次全国污染源普查领导小组办公室 <A&B>',
    code: '511323',
    date: '2026-12-06',
    recoveryCode: CODE,
  });

  it('is an A4 portrait document with the office, the date and the 8 groups', () => {
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('蓬安县第二次全国污染源普查领导小组办公室 &lt;A&amp;B&gt;');
    expect(html).toContain('511323');
    expect(html).toContain('2026年12月6日');
    for (const [i, g] of recoveryCodeGroups(CODE).entries())
      expect(html).toContain(`${g}</div><div class="no">第${i + 1}组`);
  });

  it('says where to keep it, what it opens and that nobody can recover it', () => {
    expect(html).toContain('保险柜');
    expect(html).toContain('数据和所有备份都将无法打开');
    expect(html).toContain('包括软件开发者');
  });
});

describe('the dashboard’s 「数据未加密」 check', () => {
  it('opens 安全设置 with the 保存恢复码 step', async () => {
    const { checkHref } = await import('../../renderer/router/checkLinks');
    expect(checkHref({ method: 'safety.encryption', filters: {} })).toBe('#/settings?tab=safety&encrypt=1');
  });
});
