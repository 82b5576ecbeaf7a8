// Each report's header and footer wording (标题, 表号, 制定机关, 表尾), so the clerk can copy the
// city's template exactly — the six reports, the 培训签到表 and the 合同跟踪表. Placeholders such as
// {县名} are filled in when a report is written or printed. The monthly report has a 表号 per sheet
// and its reporting window (from how many days before the period's end it may be sent officially).
import { Alert, Collapse, Spin, Tag, Typography } from 'antd';
import {
  RECORD_PLACEHOLDERS,
  REPORT_TEXT_PLACEHOLDERS,
  reportTextsValue,
  sheetTableNoKey,
} from '../../../core/schemas/system';
import { MONTHLY_SHEET_KEYS } from '../../../core/reports/monthly';
import { REPORT_IDS, reportLabel, type ReportId } from '../../../core/reports/catalogue';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import type { FormSpec } from '../../forms/fieldSpec';
import { canWrite, useSession } from '../../stores/session';
import { InlineForm } from './InlineForm';
import type { InputOf } from '../../../core/api';

const TABLE_NO_HINT = '按市（州）下发的表号填写';

/** R2: one 表号 per sheet, and the reporting window. */
const monthlySpec: FormSpec = {
  schema: reportTextsValue.shape.R2,
  items: [
    { name: 'title', span: 24 },
    { section: '各表表号（每张表单独设置，不填则不显示）' },
    ...MONTHLY_SHEET_KEYS.map((k) => ({ name: sheetTableNoKey(k), span: 8, placeholder: TABLE_NO_HINT })),
    { section: '制定机关、表尾和正式报送' },
    { name: 'authority', span: 12 },
    {
      name: 'windowDays',
      span: 12,
      help: '填天数：报告期最后几天内即可正式报送（默认5天）；0表示报告期结束后才能正式报送',
    },
    { name: 'footer', span: 24, widget: 'textarea' },
  ],
};

const specOf = (id: ReportId): FormSpec =>
  id === 'R2'
    ? monthlySpec
    : {
        schema: reportTextsValue.shape[id],
        items: [
          { name: 'title', span: 24 },
          { name: 'tableNo', span: 12, placeholder: TABLE_NO_HINT },
          { name: 'authority', span: 12 },
          { name: 'footer', span: 24, widget: 'textarea' },
        ],
      };

export function ReportTextsTab() {
  const { data, error, reload } = useRead('settings.get', { key: 'reportTexts' });
  const writer = canWrite(useSession((s) => s.operator));
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin />;
  return (
    <div style={{ maxWidth: 980 }} data-testid="report-texts">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="可使用以下占位符，导出时自动替换为单位信息和报告期："
        description={REPORT_TEXT_PLACEHOLDERS.map((p) => (
          <Tag key={p} className="mono">
            {p}
          </Tag>
        ))}
      />
      <Collapse
        accordion
        destroyOnHidden
        items={REPORT_IDS.map((id) => ({
          key: id,
          label: reportLabel(id),
          children: (
            <>
              {RECORD_PLACEHOLDERS[id] && (
                <Typography.Paragraph type="secondary">
                  本表另可使用：
                  {RECORD_PLACEHOLDERS[id].map((p) => (
                    <Tag key={p} className="mono">
                      {p}
                    </Tag>
                  ))}
                </Typography.Paragraph>
              )}
              <InlineForm
                spec={specOf(id)}
                initial={data.value[id]}
                idPrefix={`report-${id}`}
                editable={writer}
                submit={(text) =>
                  call('settings.set', { key: 'reportTexts', value: { [id]: text } } as InputOf<'settings.set'>)
                }
                onSaved={reload}
              />
            </>
          ),
        }))}
      />
    </div>
  );
}
