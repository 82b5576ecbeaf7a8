// The monthly report (R2, 工作进度月报): six sheets, each a layout of reports.md. Its figures are
// what the app records as sent; the workbook is a pure function of figures + frame, so a recorded
// export can be rebuilt byte for byte.
import type { SheetLayout } from './layout';
import { MILESTONES, PROGRESS } from './layouts/work';
import { STAFF } from './layouts/people';
import { BUDGET_SUMMARY, CONTRACTS, TRAINING } from './layouts/money';
import { docRows, type FigureRow } from './figures';
import type { FilledFrame, MoneyUnit, TableDoc, TextBlock } from './doc';

export const MONTHLY_SHEET_KEYS = ['milestones', 'progress', 'staff', 'budget', 'training', 'contracts'] as const;
export type MonthlySheetKey = (typeof MONTHLY_SHEET_KEYS)[number];

export interface MonthlySheet {
  layout: SheetLayout;
  /** What the sheet's title says after the county and census name. */
  title: string;
  /** 单位 in row 2; 'money' follows the office's money unit. */
  unit: string | 'money' | null;
  /** Money on this sheet follows the office setting (经费情况) rather than plain 元. */
  officeMoneyUnit: boolean;
}

export const MONTHLY_SHEETS: Record<MonthlySheetKey, MonthlySheet> = {
  milestones: { layout: MILESTONES, title: '工作进度', unit: null, officeMoneyUnit: false },
  progress: { layout: PROGRESS, title: '工作进度调度表', unit: '个（锅炉：台）', officeMoneyUnit: false },
  staff: { layout: STAFF, title: '两员情况', unit: '人', officeMoneyUnit: false },
  budget: { layout: BUDGET_SUMMARY, title: '经费情况', unit: 'money', officeMoneyUnit: true },
  training: { layout: TRAINING, title: '培训情况', unit: null, officeMoneyUnit: false },
  contracts: { layout: CONTRACTS, title: '第三方合同履约情况', unit: '元', officeMoneyUnit: false },
};

export const MONTHLY_BLOCKS = [
  ['mainWork', '本期主要工作'],
  ['problems', '存在问题'],
  ['nextPlan', '下期工作计划'],
] as const;
export type MonthlyTextKey = (typeof MONTHLY_BLOCKS)[number][0];

export interface MonthlyFigures {
  period: string;
  sheets: Record<MonthlySheetKey, FigureRow[]>;
  texts: Record<MonthlyTextKey, string | null>;
}

/** Everything around the figures, filled at export time and recorded with them. */
export interface MonthlyFrame {
  moneyUnit: MoneyUnit;
  totalRowPosition: 'top' | 'bottom';
  sheets: Record<MonthlySheetKey, FilledFrame>;
}

/** What an R2 file is (submission.md §2): a draft, or an official version recorded as sent. */
export const SUBMISSION_STATUSES = ['draft', 'official'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** How the UI and messages name each status. */
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = { draft: '草稿', official: '正式报送' };

/** Every sheet of a draft carries this at the end of its title line, so a printed draft says what it is. */
export const DRAFT_MARK = '「草稿」';

/** A sheet's title line as written: a draft's ends with 「草稿」. */
export const markedTitle = (title: string, status: SubmissionStatus): string =>
  status === 'draft' ? `${title}${DRAFT_MARK}` : title;

/** An empty text block prints 无, and 无 reads back as empty. */
export const NOTHING = '无';

/** The six sheets; a draft's titles carry 「草稿」 (the recorded frame of an official version never does). */
export function monthlyDocs(
  figures: MonthlyFigures,
  frame: MonthlyFrame,
  status: SubmissionStatus = 'official',
): TableDoc[] {
  return MONTHLY_SHEET_KEYS.map((key) => {
    const sheet = MONTHLY_SHEETS[key];
    const unit: MoneyUnit = sheet.officeMoneyUnit ? frame.moneyUnit : '元';
    const blocks: TextBlock[] =
      key === 'milestones' ? MONTHLY_BLOCKS.map(([k, label]) => ({ label, text: figures.texts[k] ?? NOTHING })) : [];
    return {
      ...frame.sheets[key],
      title: markedTitle(frame.sheets[key].title, status),
      layout: sheet.layout,
      blocks,
      moneyUnit: unit,
      rows: docRows(sheet.layout, figures.sheets[key], unit, frame.totalRowPosition),
    };
  });
}
