// The page margins of every printout (mm), shared by the print views' @page CSS (renderer/print)
// and the desktop shell's print and printToPDF options (electron/printOptions.ts), so the paper,
// the PDF and browser mode's print agree. The bottom leaves room for 「第 N 页 共 M 页」.
export const PRINT_MARGINS_MM = { top: 12, right: 10, bottom: 16, left: 10 } as const;
