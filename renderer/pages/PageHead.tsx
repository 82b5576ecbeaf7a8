// A page's title bar: title, an optional way back, and actions on the right.
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { navigateBack } from '../router/route';

interface Props {
  title: ReactNode;
  /** Where 返回 goes when there is no in-app history (the list the record came from). */
  back?: string;
  extra?: ReactNode;
}

export function PageHead({ title, back, extra }: Props) {
  return (
    <div className="page-head">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        {back && <Button icon={<ArrowLeftOutlined />} onClick={() => navigateBack(back)} aria-label="返回" />}
        <h1 className="page-title">{title}</h1>
      </div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>
    </div>
  );
}
