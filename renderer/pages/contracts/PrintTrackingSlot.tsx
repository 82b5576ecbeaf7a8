// 打印合同跟踪表 (reports.md R5): the print view of renderer/print/ through the browser's (or the
// desktop app's) print dialog.
import { PrintButton } from '../PrintButton';

export function PrintTrackingSlot({ contractId }: { contractId: number }) {
  return <PrintButton target={{ kind: 'contractSheet', contractId }} label="打印合同跟踪表" testId="print-tracking" />;
}
