// 完整敏感信息 for an export or a print (domain.md §8): R1 and R6 mask 公民身份号码, 银行卡号 and 手机
// unless the operator asks for them in full — the bank needs R6 in full. The option is shown only to
// the roles 安全设置 lets reveal (the backend refuses everyone else anyway), and ticking it first asks
// for a confirmation that says which columns the file will carry in full and that it goes into the
// 操作日志. The export or print passes `fullSensitive` only while the option stands.
import { Checkbox, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { hasSensitive, reportName, sensitiveColumns, type ReportId } from '../../../core/reports/catalogue';
import type { SensitiveKind } from '../../../core/reports/layout';
import { confirm } from '../../app/feedback';
import { useSession } from '../../stores/session';

const COLUMN_LABELS: Record<SensitiveKind, string> = {
  idNumber: '公民身份号码',
  bankAccount: '银行卡号',
  mobile: '手机',
};

/** The report's sensitive columns by their printed names: 公民身份号码、手机. */
export const sensitiveLabels = (reportId: ReportId): string =>
  sensitiveColumns(reportId)
    .map((k) => COLUMN_LABELS[k])
    .join('、');

/** Whether the logged-in operator may ask for full values: the roles of 安全设置 (管理员 always). */
export function useMayExportFull(): boolean {
  const role = useSession((s) => s.operator?.role);
  const roles = useSession((s) => s.revealRoles);
  if (role === '管理员') return true;
  return !!role && role !== '只读' && roles.includes(role);
}

/** Asks before a file with full numbers is made; resolves true when the operator confirms. */
type Action = '导出' | '导出或打印';

const WHAT: Record<Action, string> = { 导出: '导出的文件', 导出或打印: '导出的文件和打印的表' };

export function confirmFullSensitive(reportId: ReportId, action: Action): Promise<boolean> {
  const labels = sensitiveLabels(reportId);
  return confirm({
    title: `${action}完整的${labels}？`,
    content: (
      <div data-testid="full-sensitive-confirm">
        <p>
          {WHAT[action]}将包含每个人完整的{labels}
          ，不再隐藏部分数字（{reportName(reportId)}）。
        </p>
        <p>
          本次{action}
          将记入操作日志（操作员、时间、报表和文件）。文件离开本软件后不再受保护，请只交给需要的单位并妥善保管。
        </p>
      </div>
    ),
    okText: `确认${action}完整信息`,
    danger: true,
  });
}

interface Props {
  reportId: ReportId;
  checked: boolean;
  onChange: (full: boolean) => void;
  action?: Action;
}

/** The option itself; renders nothing where the report has no sensitive column or the operator may not reveal. */
export function FullSensitiveOption({ reportId, checked, onChange, action = '导出' }: Props) {
  const may = useMayExportFull();
  if (!may || !hasSensitive(reportId)) return null;
  const toggle = async (next: boolean) => {
    if (!next) return onChange(false);
    if (await confirmFullSensitive(reportId, action)) onChange(true);
  };
  return (
    <Checkbox checked={checked} onChange={(e) => void toggle(e.target.checked)} data-testid="full-sensitive">
      <SafetyCertificateOutlined /> {action}完整的{sensitiveLabels(reportId)}
      <Typography.Text type="secondary">（记入操作日志）</Typography.Text>
    </Checkbox>
  );
}

/** What to send: full values only while the option stands and the report has such columns. */
export const fullSensitiveInput = (reportId: ReportId, full: boolean) =>
  full && hasSensitive(reportId) ? { fullSensitive: true } : {};
