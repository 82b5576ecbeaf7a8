// One check: how many, what is wrong, what to do, and the list that fixes it.
import { Button, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, RightOutlined } from '@ant-design/icons';
import type { DashboardCheck } from '../../api/types';
import { checkHref } from '../../router/checkLinks';
import { navigate } from '../../router/route';

const ICONS = {
  error: <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18 }} />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806', fontSize: 18 }} />,
  ok: <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} />,
};

export function CheckRow({ check }: { check: DashboardCheck }) {
  const target = check.link ? checkHref(check.link) : null;
  return (
    <div
      className="check-row"
      data-testid={`check-${check.id}`}
      data-count={check.count}
      data-severity={check.severity}
    >
      {ICONS[check.severity]}
      <div className={`check-count check-count-${check.severity}`}>{check.count}</div>
      <div className="check-body">
        <div className="check-title">
          {check.title} {check.point > 0 && <Tag>要点{check.point}</Tag>}
        </div>
        <div className="check-hint">
          {check.hint}
          {check.items?.length ? `：${check.items.join('、')}` : ''}
        </div>
      </div>
      {target && check.count > 0 && (
        <Button type="link" onClick={() => void navigate(target)} data-testid={`check-link-${check.id}`}>
          查看并处理 <RightOutlined />
        </Button>
      )}
    </div>
  );
}
