// The print views (reports.md "Printing"): 劳务报酬发放表, 培训签到表, 合同跟踪表 and 登记表 as complete
// HTML documents for A4. Fetch the data with print.paySheet / print.signInSheet /
// print.contractSheet, render, then print: in the browser through printInFrame (the browser's
// print dialog, "save as PDF" included); in the desktop app the shell loads the same HTML into a
// hidden window and calls webContents.print or printToPDF (renderer/api/desktopPrint.ts).
import type { TableDoc } from '../../core/reports/doc';
import type { TrackingDoc } from '../../core/reports/tracking';
import { renderTableSheet } from './tableSheet';
import { renderContractSheet } from './contractSheet';
import { renderRegistrationSheet } from './registrationSheet';
import type { RegistrationDoc } from '../../core/reports/registration';

export { renderContractSheet } from './contractSheet';
export { renderTableSheet } from './tableSheet';
export { renderRegistrationSheet } from './registrationSheet';
export type { RegistrationDoc };

export const renderPaySheet = (doc: TableDoc) => renderTableSheet(doc);
export const renderSignInSheet = (doc: TableDoc) => renderTableSheet(doc);
export type { TrackingDoc };

/** Prints a rendered document from a hidden iframe and removes it afterwards (browser mode). */
export function printInFrame(html: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.onload = () => {
    const win = frame.contentWindow;
    if (!win) return;
    win.addEventListener('afterprint', () => frame.remove(), { once: true });
    win.focus();
    win.print();
  };
  document.body.appendChild(frame);
}

/** Which renderer fits which print method's data. */
export const PRINT_VIEWS = {
  'print.paySheet': renderPaySheet,
  'print.signInSheet': renderSignInSheet,
  'print.contractSheet': (doc: TrackingDoc) => renderContractSheet(doc),
  'print.registrationForm': (doc: RegistrationDoc) => renderRegistrationSheet(doc),
} as const;
