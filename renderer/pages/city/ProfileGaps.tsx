// What 单位信息 still lacks for the compiled report's title and footer (统计负责人, 联系电话… as the
// R2 wording uses them), said before the clerk exports rather than as a refusal after: the wizard
// of a city or province office does not ask for them, and report.export refuses without them.
import { Button } from 'antd';
import { Warning } from '../../format/Warning';
import { useRead } from '../../api/useRecord';
import { href, navigate } from '../../router/route';
import { isAdmin, useSession } from '../../stores/session';
import { missingProfileFields, type OfficeInfo, type ReportText } from '../../../core/reports/texts';

export function ProfileGaps() {
  const office = useSession((s) => s.office) as (OfficeInfo & { level?: string }) | null;
  const admin = isAdmin(useSession((s) => s.operator));
  const texts = useRead('settings.get', { key: 'reportTexts' });
  const r2 = (texts.data?.value as Record<string, ReportText> | undefined)?.R2;
  if (!office || !r2) return null;
  // A province office prints its own name for {市名} (backend/reports/context.ts).
  const info = office.level === '省' && !office.cityName ? { ...office, cityName: office.countyName } : office;
  const missing = missingProfileFields(info, [r2]);
  if (missing.length === 0) return null;
  return (
    <Warning
      data-testid="city-profile-gaps"
      title={`导出前请先填写单位信息：${missing.join('、')}（印在汇总报表的表头表尾）`}
      description={admin ? undefined : '请管理员在“系统设置 → 单位信息”中填写。'}
      action={
        admin ? (
          <Button size="small" type="primary" onClick={() => void navigate(href('/settings', { tab: 'office' }))}>
            去填写
          </Button>
        ) : undefined
      }
    />
  );
}
