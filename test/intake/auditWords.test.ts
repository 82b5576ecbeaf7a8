// 操作日志 in a city office: intake's entries read in Chinese (收取报表 / 收取文件 / 附说明接收, 收取的文件,
// 下级单位), the search finds them by those words, each file's entry names the file, and the fields of
// an entry have Chinese names.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { actionLabel, entityLabel, fieldLabel, objectText } from '../../core/auditLabels';
import { intakeFiles, receive } from './fixtures';

const { f, city } = intakeFiles();
let b: TestBackend;
beforeAll(async () => {
  b = await city();
});

const search = (q: string) => b.ok('audit.list', { q, filters: {}, pageSize: 500 } as never);

describe('intake in the audit log', () => {
  it('names the actions, entities and fields of intake in Chinese, and each file by its name', async () => {
    await receive(b, '顺庆区_10月.xlsx', f.shunqing);
    const edited = (await receive(b, '南部县_10月.xlsx', f.nanbuEdited)).results[0];
    expect(edited.reasonCode).toBe('DIGEST');
    await b.ok('intake.accept', { fileId: edited.fileId, note: '电话核实' } as never);

    const files = await search('收取文件');
    expect(files.rows.map((r) => objectText(r)).sort()).toEqual(['南部县_10月.xlsx', '顺庆区_10月.xlsx']);
    for (const r of files.rows) {
      expect(actionLabel(r.action)).toBe('收取文件');
      expect(entityLabel(r.entity)).toBe('收取的文件');
    }
    const calls = await search('收取报表');
    expect(calls.rows.filter((r) => r.action === 'receive')).toHaveLength(2);
    const accepted = await search('附说明接收');
    expect(accepted.rows.some((r) => r.action === 'accept' && objectText(r) !== '')).toBe(true);

    for (const key of ['fileName', 'outcome', 'reasonCode', 'unitCode', 'period', 'version', 'sha256'])
      expect(fieldLabel('intake_file', key), key).not.toBe(key);
    expect(fieldLabel('intake_file', 'note')).toBe('接收说明');
    expect(entityLabel('unit')).toBe('下级单位');
    expect(fieldLabel('unit', 'units')).toBe('下级单位名单');
  });
});
