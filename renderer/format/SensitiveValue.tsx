// A sensitive number (公民身份号码, 银行卡号) shown masked; where the backend offers an audited
// reveal (sensitive.reveal) and the operator may use it — 管理员 always, 录入员 if 安全设置 allows —
// 显示 shows it in full. Who may reveal is the session store's copy of 安全设置.
import { useState } from 'react';
import { Button } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { OperatorRole } from '../../core/enums';
import { call } from '../api/call';
import { toast } from '../app/feedback';
import { useSession } from '../stores/session';
import { maskedId } from './display';

interface Props {
  entity: 'person' | 'agency';
  id: number;
  field: 'idNumber' | 'bankAccount';
  value: string | null | undefined;
}

/** 管理员 always; 录入员 when 安全设置 allows (the roles are the session store's copy of it); 只读 never. */
function mayReveal(role: OperatorRole | undefined, roles: readonly OperatorRole[]): boolean {
  if (role === '管理员') return true;
  return !!role && role !== '只读' && roles.includes(role);
}

export function SensitiveValue({ entity, id, field, value }: Props) {
  const [full, setFull] = useState<string | null>(null);
  const mayAsk = mayReveal(
    useSession((s) => s.operator?.role),
    useSession((s) => s.revealRoles),
  );
  if (!value) return <>—</>;
  const reveal = async () => {
    const r = await call('sensitive.reveal', { entity, id, field });
    if (!r.ok) return toast.error(r.error.message);
    setFull(r.data.value ?? '');
  };
  return (
    <span className="mono" data-testid={`sensitive-${field}`}>
      {full ?? maskedId(value)}
      {mayAsk && full === null && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => void reveal()}
          title="查看完整号码（将记入操作日志）"
        >
          显示
        </Button>
      )}
    </span>
  );
}
