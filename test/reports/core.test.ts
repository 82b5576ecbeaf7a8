// The pure parts of the reports: column codes, periods, file names, display formats, the profile
// check, masks, and reading cells back with the problems named.
import { describe, expect, it } from 'vitest';
import { columnCodes, labelColumn } from '../../core/reports/layout';
import { PROGRESS } from '../../core/reports/layouts/work';
import { BUDGET, TRAINING } from '../../core/reports/layouts/money';
import { periodLabel, periodRange } from '../../core/reports/period';
import { reportFileName } from '../../core/reports/fileName';
import { displayCell, numberFormat } from '../../core/reports/format';
import { fillFrame, missingProfileFields, type OfficeInfo } from '../../core/reports/texts';
import { maskValue } from '../../core/reports/mask';
import { readTable } from '../../core/reports/readTable';
import { docRows, type FigureRow } from '../../core/reports/figures';
import { chineseNumber } from '../../core/reports/rows/budget';
import { DEFAULT_REPORT_TEXTS } from '../../core/schemas/system';

const office: OfficeInfo = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  unitName: '蓬安县污普办',
  headName: '李德明',
  statsHeadName: null,
  preparerName: '周文斌',
  phone: '',
  censusName: '第二次全国污染源普查',
  moneyUnit: '元',
  totalRowPosition: 'top',
};

describe('layouts', () => {
  it('labels descriptive columns 甲乙丙 and numeric ones 1 2 3 (progress: 甲 乙 1…14 丙)', () => {
    expect(columnCodes(PROGRESS.columns)).toEqual([
      '甲',
      '乙',
      ...Array.from({ length: 14 }, (_, i) => String(i + 1)),
      '丙',
    ]);
    // 序号 项目 测算依据 | 单价 数量 次数/天数 | 计量单位 | 预算 | 资金来源 | 到位 支出 结余 执行率 | 备注
    expect(columnCodes(BUDGET.columns)).toEqual([
      '甲',
      '乙',
      '丙',
      '1',
      '2',
      '3',
      '丁',
      '4',
      '戊',
      '5',
      '6',
      '7',
      '8',
      '己',
    ]);
  });

  it('writes 合计 in the label column: the first descriptive one, or the one the layout names', () => {
    expect(TRAINING.columns[labelColumn(TRAINING)].key).toBe('name');
    expect(BUDGET.columns[labelColumn(BUDGET)].key).toBe('name');
  });

  it('numbers categories the Chinese way', () => {
    expect([1, 10, 11, 14, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十一', '十四', '二十', '二十三']);
  });
});

describe('periods and file names', () => {
  it('knows the days of a month and of its halves', () => {
    expect(periodRange('2018-02')).toEqual({ from: '2018-02-01', to: '2018-02-28' });
    expect(periodRange('2020-02-下')).toEqual({ from: '2020-02-16', to: '2020-02-29' });
    expect(periodRange('2018-06-上')).toEqual({ from: '2018-06-01', to: '2018-06-15' });
    expect(periodLabel('2018-06')).toBe('2018年06月');
    expect(periodLabel('2018-06-下')).toBe('2018年06月下半月');
  });

  it('names files <县名>_<report>_<period>.xlsx without characters Windows refuses', () => {
    expect(reportFileName('蓬安县', '工作进度月报', '2018年06月')).toBe('蓬安县_工作进度月报_2018年06月.xlsx');
    expect(reportFileName('蓬安县', '合同跟踪表', 'PAWP/2018:001?')).toBe('蓬安县_合同跟踪表_PAWP／2018：001.xlsx');
  });
});

describe('formats', () => {
  it('prints what Excel shows', () => {
    expect(numberFormat('money', '万元')).toBe('#,##0.0000');
    expect(displayCell('money', 1234567.8, '元')).toBe('1,234,567.80');
    expect(displayCell('money', 12.345678, '万元')).toBe('12.3457');
    expect(displayCell('rate', 96.25, '元')).toBe('96.3');
    expect(displayCell('number', 20.5, '元')).toBe('20.5');
    expect(displayCell('number', 1200, '元')).toBe('1,200');
    expect(displayCell('date', null, '元', '持续')).toBe('持续');
  });

  it('masks IDs, card numbers and mobiles like the rest of the app', () => {
    expect(maskValue('idNumber', '11010519491231002X')).toBe('1101**********002X');
    expect(maskValue('bankAccount', '6214123412341234')).toBe('6214********1234');
    expect(maskValue('mobile', '13812345678')).toBe('138****5678');
    expect(maskValue('mobile', null)).toBeNull();
  });
});

describe('report texts', () => {
  it('asks only for the profile fields the report’s wording uses', () => {
    expect(missingProfileFields(office, [DEFAULT_REPORT_TEXTS.R2])).toEqual(['统计负责人', '联系电话']);
    expect(missingProfileFields(office, [DEFAULT_REPORT_TEXTS.R6])).toEqual([]);
  });

  it('fills the frame: title, 填报单位 line with 表号 / 制定机关 / 单位, footer with the export day', () => {
    const f = fillFrame(
      { ...DEFAULT_REPORT_TEXTS.R2, tableNo: '川污普月1表' },
      { ...office, phone: '0817-8621234', statsHeadName: '王秀英' },
      {
        periodText: '2018年06月',
        exportDay: '2018-06-30',
        unitText: '元',
      },
    );
    expect(f.title).toBe('蓬安县第二次全国污染源普查工作进度月报（2018年06月）');
    expect(f.unitLine).toEqual({
      left: '填报单位（盖章）：蓬安县污普办',
      centre: '2018年06月',
      right: '表\u3000\u3000号：川污普月1表\n制定机关：南充市第二次全国污染源普查领导小组办公室\n单位：元',
    });
    expect(f.footer).toBe(
      '单位负责人：李德明\u3000\u3000统计负责人：王秀英\u3000\u3000填表人：周文斌\u3000\u3000联系电话：0817-8621234\u3000\u3000报出日期：2018年6月30日',
    );
  });
});

describe('reading a table back', () => {
  const grid = [
    ['标题'],
    ['填报单位（盖章）：x'],
    ['培训班名称', '序号', '参训人数', '培训经费(元)'],
    ['合计', null, 12, 150.5],
    ['A班', 1, '7', '1,000.25'],
    ['B班', 2, 'abc', 12.3456],
    ['说明：…'],
  ];
  const layout = {
    ...TRAINING,
    codeRow: false,
    columns: TRAINING.columns.filter((c) => ['seq', 'name', 'attendees', 'cost'].includes(c.key)),
  };

  it('finds columns by their header wherever they are, and names the cells it cannot read', () => {
    const read = readTable('培训情况', layout, grid, '元');
    expect(read.rows.map((r) => [r.kind, r.values.name, r.values.attendees, r.values.cost])).toEqual([
      ['total', '合计', 12, 15050],
      ['item', 'A班', 7, 100025],
      ['item', 'B班', null, 1235],
    ]);
    expect(read.problems).toEqual([{ sheet: '培训情况', cell: 'C6', message: '参训人数应为数字，实为“abc”' }]);
  });

  it('says which columns are missing, and when there is no header at all', () => {
    const noCost = grid.map((row) => row.slice(0, 3));
    expect(readTable('培训情况', layout, noCost, '元').problems[0]).toEqual({
      sheet: '培训情况',
      cell: '',
      message: '找不到“培训经费(元)”列，该列未读取',
    });
    expect(readTable('培训情况', layout, [['x']], '元').problems[0].message).toBe('找不到表头，无法读取本表');
  });

  it('flags an 18-digit ID that Excel turned into a number', () => {
    const roster = {
      ...layout,
      columns: [...layout.columns, { key: 'id', label: '公民身份号码', kind: 'code' as const, width: 20 }],
    };
    const g = [
      ['序号', '培训班名称', '参训人数', '培训经费(元)', '公民身份号码'],
      [1, 'x', 1, 1, 110105194912310000],
    ];
    expect(readTable('s', roster, g, '元').problems[0].message).toContain('被Excel按数字存储');
  });

  it('writes 无 under the totals of a table without rows, and reads nothing back from it', () => {
    const total: FigureRow = { kind: 'total', values: { name: '合计', attendees: 0 } };
    const rows = docRows(layout, [total], '元', 'top');
    expect(rows.map((r) => r.kind)).toEqual(['total', 'empty']);
    expect(docRows(layout, [total], '元', 'bottom').map((r) => r.kind)).toEqual(['empty', 'total']);
  });
});
