// The gate of an official consolidated report besides the calendar's (backend/reports/submission.ts):
// the office has units, and at least one of them has reported the period. Units that have not are
// named in the report itself (「未报：××县」), so they do not stop it.
import type { Database } from 'better-sqlite3';
import { periodLabel } from '../../../core/reports/period';

export function consolidationRefusal(db: Database, period: string): string | null {
  const units = db.prepare('SELECT count(*) FROM report_units').pluck().get() as number;
  if (units === 0) return '尚未设置下级单位名单，不能正式报送汇总报表；请管理员先在设置中添加（可先导出草稿）';
  const received = db
    .prepare(
      `SELECT count(DISTINCT r.unit_code) FROM received_reports r JOIN report_units u ON u.code = r.unit_code
       WHERE r.period = ? AND r.replaced_by IS NULL`,
    )
    .pluck()
    .get(period) as number;
  if (received === 0)
    return `尚未收到任何单位${periodLabel(period)}的报表，不能正式报送汇总报表；请先在“收取报表”中收取（可先导出草稿）`;
  return null;
}
