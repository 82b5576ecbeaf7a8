// The report catalogue is the one description of each report: the export input checks what it
// requires, the names and labels come from it, sensitive columns come from its sheets, and exactly
// one report is recorded as sent.
import { describe, expect, it } from 'vitest';
import {
  MAIN_REPORT_IDS,
  REPORTS,
  REPORT_IDS,
  SENT_REPORT_ID,
  missingParams,
  paramsSchema,
  reportLabel,
  sensitiveColumns,
} from '../../core/reports/catalogue';
import { reportExportInput } from '../../core/schemas/reports';

describe('report catalogue', () => {
  it('lists every report once, the six reports of reports.md first-class', () => {
    expect(REPORT_IDS).toEqual(['R1', 'R2', 'R3', 'R4', 'R4-signin', 'R5', 'R5-tracking', 'R6']);
    expect(MAIN_REPORT_IDS).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    expect(new Set(REPORTS.map((r) => r.name)).size).toBe(REPORTS.length);
    expect(reportLabel('R1')).toBe('R1 普查人员花名册');
    expect(reportLabel('R5-tracking')).toBe('合同跟踪表');
  });

  it('derives the sensitive columns from the sheets', () => {
    expect(sensitiveColumns('R1')).toEqual(['idNumber', 'mobile']);
    expect(sensitiveColumns('R4-signin')).toEqual(['mobile']);
    expect(sensitiveColumns('R6')).toEqual(['idNumber', 'bankAccount']);
    expect(REPORTS.filter((r) => sensitiveColumns(r.id).length > 0).map((r) => r.id)).toEqual([
      'R1',
      'R4-signin',
      'R6',
    ]);
  });

  it('records exactly one report as sent', () => {
    expect(REPORTS.filter((r) => r.recordedAsSent).map((r) => r.id)).toEqual([SENT_REPORT_ID]);
  });

  it('checks each report’s required parameters in the export input, by the descriptor', () => {
    for (const r of REPORTS) {
      const required = Object.entries(r.params)
        .filter(([, use]) => use.required)
        .map(([k]) => k);
      expect(missingParams(r.id, {})).toEqual(required);
      const parsed = reportExportInput.safeParse({ reportId: r.id });
      expect(parsed.success, r.id).toBe(required.length === 0);
      if (!parsed.success) expect(parsed.error.issues[0].message).toMatch(new RegExp(`^导出${r.name}须指定`));
      expect(paramsSchema(r.id).safeParse({}).success).toBe(required.length === 0);
    }
  });
});
