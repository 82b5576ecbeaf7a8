// Hostile files over browser mode's HTTP transport (issue 13): while a zip bomb is read and
// refused, other requests are still answered (it is read in a worker, not the request thread); a
// 15 MB file is refused in the words of the importer's own 14 MB limit; a commit while the file is
// read is PREVIEW_RUNNING.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, setUp, type Client } from '../transports/client';
import { makeId } from './make';
import { editedXlsx } from './zipFiles';

let c: Client;
let admin: string;
beforeEach(async () => {
  c = await client();
  admin = await setUp(c);
});
afterEach(() => c.close());

const call = (method: string, input: unknown, session?: string) => c.post(method, input, session);

const ROWS = [
  ['姓名', '公民身份号码', '人员类别'],
  ['张三', makeId('19800101', '001'), '普查员'],
];

function zipBomb(rows: number): Buffer {
  const parts: string[] = ['<row><c t="inlineStr"><is><t>姓名</t></is></c></row>'];
  for (let r = 2; r <= rows; r++) parts.push('<row><c><v>1</v></c></row>');
  return editedXlsx(ROWS, (xml) =>
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${parts.join('')}</sheetData>`),
  );
}

describe('hostile files over HTTP', () => {
  it('other requests are answered while a zip bomb of 1,048,575 rows is read and refused', async () => {
    const contentBase64 = zipBomb(1_048_575).toString('base64');
    const up = await call('import.upload', { kind: 'person', fileName: '炸弹.xlsx', contentBase64 }, admin);
    expect(up.json.ok).toBe(true);
    const importId = up.json.data!.importId as string;
    // A commit while the file is still being read: the documented PREVIEW_RUNNING.
    const early = await call('import.commit', { importId, onExisting: 'update' }, admin);
    expect(early.json.error).toMatchObject({ code: 'PREVIEW_RUNNING' });

    let done = false;
    const preview = call('import.preview', { importId }, admin).finally(() => (done = true));
    // Requests sent one after another while the preview is pending: each is answered before the
    // preview is (a held request thread answers none of them until the file is done with).
    let answeredMeanwhile = 0;
    while (!done) {
      const r = await call('import.kinds', {}, admin);
      expect(r.json.ok).toBe(true);
      if (!done) answeredMeanwhile++;
    }
    const refused = await preview;
    expect(refused.json.error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(refused.json.error!.message).toMatch(/^工作表“Sheet1”含 1,048,575 行，超过导入上限 100,000 行/);
    // Reading the file took 20–40 s of the request thread before; now scores of requests go through
    // meanwhile (several hundred on this machine). How long the refusal takes: `npm run bench -- hostile`.
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('a 15 MB file sent as JSON is refused in terms of the import’s own 14 MB limit', async () => {
    const contentBase64 = Buffer.alloc(15 * 1024 * 1024, 7).toString('base64');
    const r = await call('import.upload', { kind: 'person', fileName: '大.xlsx', contentBase64 }, admin);
    expect(r.status).toBe(413);
    expect(r.json.error!.message).toMatch(/^文件过大：导入的文件（以及数据包）不能超过 14 MB/);
  });

  it('no English from zod reaches the clerk: a list for an object, a bad record key', async () => {
    const list = await c.postText('import.upload', '[]', admin);
    expect(list.json.error).toMatchObject({ code: 'INVALID_INPUT', message: '应为对象（{…}），实为列表（[…]）' });
    const key = await call('import.preview', { importId: 'x', mapping: { a1: 'name' } }, admin);
    expect(key.json.error!.message).toBe('“a1”无效：列应为 A、B…AA 这样的列号');
    expect(JSON.stringify([list.json, key.json])).not.toMatch(/[A-Za-z]{3,} [a-z]{2,}/);
  });
});
