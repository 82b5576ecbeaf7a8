// 打开数据包… / 从数据包恢复…: the native open dialog in the desktop app, a hidden file input in the
// browser; either way the caller gets the chosen package (or the reason it cannot be used is shown).
import { useRef, type ReactNode } from 'react';
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { PACKAGE_EXTENSION } from '../../../core/schemas/backups';
import { toast } from '../../app/feedback';
import { packageFromFile, pickPackageOnDesktop, type PackageSource } from './packageSource';

interface Props {
  children: ReactNode;
  onChosen: (source: PackageSource) => void | Promise<void>;
  loading?: boolean;
  danger?: boolean;
  testId: string;
}

export function OpenPackageButton({ children, onChosen, loading, danger, testId }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const choose = async () => {
    const picked = await pickPackageOnDesktop();
    if (picked === undefined) return fileInput.current?.click();
    if (picked) await onChosen(picked);
  };
  const fileChosen = async (file: File | undefined) => {
    if (!file) return;
    const source = packageFromFile(file);
    if (typeof source === 'string') return toast.error(source);
    await onChosen(source);
  };
  return (
    <>
      <Button
        danger={danger}
        icon={<ImportOutlined />}
        loading={loading}
        onClick={() => void choose()}
        data-testid={testId}
      >
        {children}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept={`${PACKAGE_EXTENSION},.db`}
        style={{ display: 'none' }}
        data-testid={`${testId}-file`}
        onChange={(e) => {
          void fileChosen(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </>
  );
}
