// A sensitive number (公民身份号码, 银行卡号) shown masked; where the backend offers an audited
// reveal (sensitive.reveal) and the operator may use it, a click shows it in full.
import { useState } from 'react';
import { Button } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { isMethodName } from '../../core/api';
import { callByName } from '../api/call';
import { toast } from '../app/feedback';
import { canWrite, useSession } from '../stores/session';
import { maskedId } from './display';

interface Props {
  entity: 'person' | 'agency';
  id: number;
  field: 'idNumber' | 'bankAccount';
  value: string | null | undefined;
}

export function SensitiveValue({ entity, id, field, value }: Props) {
  const [full, setFull] = useState<string | null>(null);
  const mayAsk = canWrite(useSession((s) => s.operator)) && isMethodName('sensitive.reveal');
  if (!value) return <>—</>;
  const reveal = async () => {
    const r = await callByName('sensitive.reveal', { entity, id, field });
    if (!r.ok) return toast.error(r.error.message);
    setFull((r.data as { value: string | null }).value ?? '');
  };
  return (
    <span className="mono">
      {full ?? maskedId(value)}
      {mayAsk && full === null && (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => void reveal()} title="查看完整号码（将记入操作日志）">
          显示
        </Button>
      )}
    </span>
  );
}
