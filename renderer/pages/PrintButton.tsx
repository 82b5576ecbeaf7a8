// Print buttons for the print views (renderer/print/): fetch the document's data (print.*) and
// render it as A4 HTML. In the desktop app 打印 opens the system print dialog and 导出PDF saves an
// A4 PDF, both from a hidden window of the shell (api/desktopPrint.ts); in the browser one button
// prints from a hidden frame — the browser's dialog, "save as PDF" included.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TableDoc } from '../../core/reports/doc';
import { call } from '../api/call';
import { pdfFileName, printRendered, printTargets, type PrintableDoc, type PrintTarget } from '../api/desktopPrint';
import { toast } from '../app/feedback';
import {
  printInFrame,
  renderContractSheet,
  renderPaySheet,
  renderRegistrationSheet,
  renderSignInSheet,
  type RegistrationDoc,
  type TrackingDoc,
} from '../print';

type Target =
  | { kind: 'paySheet'; payRunId: number; fullSensitive?: boolean }
  | { kind: 'signInSheet'; sessionId: number }
  | { kind: 'contractSheet'; contractId: number }
  | { kind: 'registrationForm'; personId: number; fullSensitive?: boolean };

async function printable(target: Target): Promise<PrintableDoc | { error: string }> {
  if (target.kind === 'paySheet') {
    const r = await call('print.paySheet', {
      payRunId: target.payRunId,
      ...(target.fullSensitive ? { fullSensitive: true } : {}),
    });
    if (!r.ok) return { error: r.error.message };
    const doc = r.data as unknown as TableDoc;
    // Row 2's centre names the pay run: 「<title>（<period>）」.
    return {
      html: renderPaySheet(doc),
      fileName: pdfFileName('劳务报酬发放表', doc.unitLine.centre),
      landscape: doc.layout.orientation === 'landscape',
    };
  }
  if (target.kind === 'signInSheet') {
    const [r, session] = await Promise.all([
      call('print.signInSheet', { sessionId: target.sessionId }),
      call('training.get', { id: target.sessionId }),
    ]);
    if (!r.ok) return { error: r.error.message };
    const doc = r.data as unknown as TableDoc;
    const name = session.ok ? session.data.name : doc.title;
    return {
      html: renderSignInSheet(doc),
      fileName: pdfFileName('培训签到表', name),
      landscape: doc.layout.orientation === 'landscape',
    };
  }
  if (target.kind === 'registrationForm') {
    const r = await call('print.registrationForm', {
      personId: target.personId,
      ...(target.fullSensitive ? { fullSensitive: true } : {}),
    });
    if (!r.ok) return { error: r.error.message };
    const doc = r.data as unknown as RegistrationDoc;
    return {
      html: renderRegistrationSheet(doc),
      fileName: pdfFileName('人员登记表', doc.fields.name ?? ''),
      landscape: false,
    };
  }
  const r = await call('print.contractSheet', { contractId: target.contractId });
  if (!r.ok) return { error: r.error.message };
  const doc = r.data as unknown as TrackingDoc;
  return {
    html: renderContractSheet(doc),
    fileName: pdfFileName('合同跟踪表', doc.fields.name ?? ''),
    landscape: false,
  };
}

/**
 * Prints (or saves as PDF) the document `make` gives, saying how it went; `busy` is the way under
 * way, for the buttons' spinners.
 */
export function usePrintRun(make: () => Promise<PrintableDoc | { error: string }> | PrintableDoc) {
  const [busy, setBusy] = useState<PrintTarget | null>(null);
  const run = async (how: PrintTarget) => {
    setBusy(how);
    try {
      const doc = await make();
      if ('error' in doc) return toast.error(doc.error);
      const outcome = await printRendered(doc, how, printInFrame);
      if (outcome.kind === 'saved') toast.success(`已导出PDF到 ${outcome.path}`);
      else if (outcome.kind === 'failed') toast.error(outcome.message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export function PrintButton({ target, label, testId }: { target: Target; label: string; testId?: string }) {
  const { busy, run } = usePrintRun(() => printable(target));
  const targets = printTargets();
  if (!targets.includes('pdf')) {
    return (
      <Button
        icon={<PrinterOutlined />}
        loading={busy !== null}
        onClick={() => void run('browser')}
        data-testid={testId}
      >
        {label}
      </Button>
    );
  }
  return (
    <Space.Compact>
      <Button
        icon={<PrinterOutlined />}
        loading={busy === 'printer'}
        disabled={busy === 'pdf'}
        onClick={() => void run('printer')}
        data-testid={testId}
      >
        {label}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        loading={busy === 'pdf'}
        disabled={busy === 'printer'}
        onClick={() => void run('pdf')}
        data-testid={testId && `${testId}-pdf`}
      >
        导出PDF
      </Button>
    </Space.Compact>
  );
}
