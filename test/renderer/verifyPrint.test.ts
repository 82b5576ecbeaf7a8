// The 核对 result's printout: an A4 document with what the workbook is, what it was checked against
// and each finding under its sheet with its cell; text escaped.
import { describe, expect, it } from 'vitest';
import { renderVerify } from '../../renderer/pages/reports/verify/printVerify';
import { identityLines, type VerifyResult } from '../../renderer/pages/reports/verify/verifyText';

const result = {
  identity: {
    countyCode: '511323',
    countyName: '蓬安县',
    cityCode: '5113',
    period: '2018-10',
    status: 'official',
    version: 1,
    exportId: 'e1',
    correctionReason: null,
    generatedAt: null,
    source: 'meta',
  },
  record: {
    id: 1,
    period: '2018-10',
    version: 1,
    exportedAt: '2018-11-30T02:00:00.000Z',
    operatorName: '周文斌',
    fileName: 'x.xlsx',
    correctionReason: null,
  },
  basis: 'record',
  digest: 'mismatch',
  summary: '本单位的第1版报送记录：已逐格核对，共发现 2 处问题。',
  findings: [
    {
      sheet: '进度调度表',
      cell: 'C6',
      kind: 'changed',
      message: '进度调度表!C6（02 工业企业和产业活动单位，名录库底册数）：报送时为 412，现为 413',
      before: '412',
      after: '413',
    },
    { sheet: '_meta', cell: 'B18', kind: 'digest', message: '_meta!B18：数据摘要与工作簿内容不符<script>' },
  ],
  meta: {},
  figures: { period: '2018-10', sheets: {}, texts: {} },
} as VerifyResult;

describe('the 核对 printout', () => {
  it('is an A4 document with the identity, the basis and each finding by sheet and cell', () => {
    const html = renderVerify(result, '蓬安县_工作进度月报_2018年10月_v1.xlsx', '2018-11-03T04:05:06Z');
    expect(html).toContain('size: A4 portrait');
    // When it was checked, in the machine's local time (the day and hour depend on its time zone).
    expect(html).toMatch(/核对时间：2018-11-0\d \d\d:\d\d:06/);
    expect(html).toContain('<h1>工作进度月报核对结果</h1>');
    expect(html).toContain('蓬安县　511323');
    expect(html).toContain('2018年10月');
    expect(html).toContain('本单位第1版报送记录');
    expect(html).toContain('<h2>进度调度表（1 处）</h2>');
    expect(html).toContain('<h2>标识信息（_meta）（1 处）</h2>');
    expect(html).toMatch(/<td class="code">C6<\/td><td>数字被修改<\/td><td>进度调度表!C6/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('says so when there is nothing to report', () => {
    expect(renderVerify({ ...result, findings: [] }, 'x.xlsx', '2018-11-03T04:05:06Z')).toContain(
      '<p>未发现问题。</p>',
    );
  });
});

describe('the identity of a compiled report', () => {
  it('names a city office’s report by 填报单位, a county’s by 县（区）', () => {
    const city = { ...result, identity: { ...result.identity, countyCode: '511300', countyName: '南充市' } };
    expect(identityLines(city as unknown as VerifyResult)[0]).toEqual(['填报单位', '南充市　511300']);
    expect(identityLines(result as unknown as VerifyResult)[0]).toEqual(['县（区）', '蓬安县　511323']);
  });
});
