// A print button for the print views (renderer/print/): fetch the document's data (print.*),
// render it as A4 HTML and print it from a hidden frame — the browser's print dialog (save as
// PDF included); in the desktop app the same frame opens the system print dialog.
import { useState } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { TableDoc } from '../../core/reports/doc';
import { call } from '../api/call';
import { toast } from '../app/feedback';
import { printInFrame, renderContractSheet, renderPaySheet, renderSignInSheet, type TrackingDoc } from '../print';

type Target = { kind: 'paySheet'; payRunId: number } | { kind: 'signInSheet'; sessionId: number } | { kind: 'contractSheet'; contractId: number };

async function printHtml(target: Target): Promise<string | { error: string }> {
  if (target.kind === 'paySheet') {
    const r = await call('print.paySheet', { payRunId: target.payRunId });
    return r.ok ? renderPaySheet(r.data as unknown as TableDoc) : { error: r.error.message };
  }
  if (target.kind === 'signInSheet') {
    const r = await call('print.signInSheet', { sessionId: target.sessionId });
    return r.ok ? renderSignInSheet(r.data as unknown as TableDoc) : { error: r.error.message };
  }
  const r = await call('print.contractSheet', { contractId: target.contractId });
  return r.ok ? renderContractSheet(r.data as unknown as TrackingDoc) : { error: r.error.message };
}

export function PrintButton({ target, label, testId }: { target: Target; label: string; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const html = await printHtml(target);
      if (typeof html !== 'string') return toast.error(html.error);
      printInFrame(html);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {label}
    </Button>
  );
}
