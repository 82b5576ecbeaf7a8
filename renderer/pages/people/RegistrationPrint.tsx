// 打印登记表 on the person's page (reports.md Printing): the form prints with 公民身份号码, 手机 and
// 银行卡号 partly hidden; the roles 安全设置 lets reveal may tick 完整信息 first, which asks for a
// confirmation and is recorded in the 操作日志 by the backend (print.registrationForm).
import { useState } from 'react';
import { Checkbox, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { confirm } from '../../app/feedback';
import { PrintButton } from '../PrintButton';
import { useMayExportFull } from '../reports/FullSensitiveOption';

const LABELS = '公民身份号码、手机和银行卡号';

export function RegistrationPrint({ personId }: { personId: number }) {
  const may = useMayExportFull();
  const [full, setFull] = useState(false);
  const toggle = async (next: boolean) => {
    if (!next) return setFull(false);
    const ok = await confirm({
      title: `打印完整的${LABELS}？`,
      content: (
        <div data-testid="full-sensitive-confirm">
          <p>登记表将包含此人完整的{LABELS}，不再隐藏部分数字。</p>
          <p>本次打印将记入操作日志（操作员、时间、人员）。打印件请妥善保管。</p>
        </div>
      ),
      okText: '确认打印完整信息',
      danger: true,
    });
    if (ok) setFull(true);
  };
  return (
    <Space>
      <PrintButton
        target={{ kind: 'registrationForm', personId, fullSensitive: full }}
        label="打印登记表"
        testId="print-registration"
      />
      {may && (
        <Checkbox checked={full} onChange={(e) => void toggle(e.target.checked)} data-testid="registration-full">
          <SafetyCertificateOutlined /> 完整信息
          <Typography.Text type="secondary">（记入操作日志）</Typography.Text>
        </Checkbox>
      )}
    </Space>
  );
}
