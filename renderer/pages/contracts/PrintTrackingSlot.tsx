// 打印合同跟踪表 and 导出Excel (reports.md R5): the print view of renderer/print/ through the
// browser's print dialog (打印 and 导出PDF in the desktop app), and the same form as a workbook.
import { PrintButton } from '../PrintButton';
import { ExportFormButton } from '../reports/ExportFormButton';

export function PrintTrackingSlot({ contractId, contractNo }: { contractId: number; contractNo: string }) {
  return (
    <>
      <PrintButton target={{ kind: 'contractSheet', contractId }} label="打印合同跟踪表" testId="print-tracking" />
      <ExportFormButton target={{ reportId: 'R5-tracking', contractId }} of={contractNo} testId="export-tracking" />
    </>
  );
}
