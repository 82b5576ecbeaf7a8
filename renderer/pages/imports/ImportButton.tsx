// The 导入 button a list or a training session shows to those who may import (录入员, 管理员).
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { IMPORT_KIND_LABELS } from '../../../core/imports/kinds';
import { navigate } from '../../router/route';
import { canWrite, useSession } from '../../stores/session';
import { importHref, type ImportTarget } from './importTargets';

export function ImportButton({ target, label, testId }: { target: ImportTarget; label?: string; testId?: string }) {
  const writer = canWrite(useSession((s) => s.operator));
  if (!writer) return null;
  return (
    <Button
      icon={<ImportOutlined />}
      onClick={() => void navigate(importHref(target))}
      data-testid={testId ?? `${target.kind}-import`}
      title={`从 Excel 导入${IMPORT_KIND_LABELS[target.kind]}`}
    >
      {label ?? '导入'}
    </Button>
  );
}
