// The 恢复码 on screen: 8 groups of 4 digits, large, numbered as the printed sheet numbers them (the
// confirmation asks two of them back by number), and 打印恢复码 — the A4 sheet of
// renderer/print/recoveryCodeSheet.ts. The desktop prints on paper only: a PDF would leave the code
// in a file on this PC.
import { useState } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { todayIso } from '../../../core/dates';
import { recoveryCodeGroups } from '../../../core/recoveryCode';
import { printRendered, printTargets } from '../../api/desktopPrint';
import { toast } from '../../app/feedback';
import { printInFrame } from '../../print';
import { RECOVERY_SHEET_TITLE, renderRecoveryCodeSheet } from '../../print/recoveryCodeSheet';
import { useSession } from '../../stores/session';

const DIGITS_STYLE = {
  fontFamily: 'Consolas, "Courier New", "DejaVu Sans Mono", monospace',
  fontSize: 30,
  letterSpacing: 4,
  lineHeight: 1.3,
  padding: '4px 14px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  background: '#fafafa',
} as const;

export function RecoveryCodeShown({ code }: { code: string }) {
  return (
    <div
      data-testid="recovery-code"
      data-code={code}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(4, max-content)', gap: '12px 20px', margin: '16px 0' }}
    >
      {recoveryCodeGroups(code).map((group, i) => (
        <div key={i} style={{ textAlign: 'center' }}>
          <div className="mono" style={DIGITS_STYLE} data-testid={`recovery-group-${i + 1}`}>
            {group}
          </div>
          <div className="muted" style={{ fontSize: 12, marginTop: 2 }}>
            第{i + 1}组
          </div>
        </div>
      ))}
    </div>
  );
}

export function PrintRecoveryCodeButton({ code, onPrinted }: { code: string; onPrinted?: () => void }) {
  const office = useSession((s) => s.office);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    const html = renderRecoveryCodeSheet({
      unitName: office?.unitName || office?.countyName || '普查办',
      code: office?.countyCode ?? '',
      date: todayIso(),
      recoveryCode: code,
    });
    const target = printTargets().includes('printer') ? 'printer' : 'browser';
    setBusy(true);
    try {
      const outcome = await printRendered(
        { html, fileName: RECOVERY_SHEET_TITLE, landscape: false },
        target,
        printInFrame,
      );
      if (outcome.kind === 'failed') return toast.error(outcome.message);
      if (outcome.kind !== 'cancelled') onPrinted?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print()} data-testid="recovery-print">
      打印恢复码
    </Button>
  );
}
