// The page contract between the print views and the shell. Pure constants (no 'electron' import);
// the margins are the print views' own (core/print/pageMargins.ts).
//
// Page numbers come from the page's own CSS (@page margin boxes, Chromium ≥ 131), not from
// printToPDF's displayHeaderFooter: the CSS version works alike on paper, in the PDF and in browser
// mode's print, while a header/footer template exists only for the PDF and, measured with Chromium,
// prints on top of any margin box the page declares (「共共 33 页页」). So the shell never adds one.
import { PRINT_MARGINS_MM } from '../core/print/pageMargins';

export { PRINT_MARGINS_MM };

const MM_PER_INCH = 25.4;
const CSS_PX_PER_INCH = 96;
const inches = (mm: number) => mm / MM_PER_INCH;
const cssPixels = (mm: number) => Math.round(inches(mm) * CSS_PX_PER_INCH);

/** webContents.printToPDF: the page's @page rules decide size and orientation; A4 is the fallback. */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateDocumentOutline: false,
  margins: {
    top: inches(PRINT_MARGINS_MM.top),
    bottom: inches(PRINT_MARGINS_MM.bottom),
    left: inches(PRINT_MARGINS_MM.left),
    right: inches(PRINT_MARGINS_MM.right),
  },
} as const;

/** webContents.print: the system print dialog on A4 with backgrounds (its margins are CSS pixels). */
export const PAPER_PRINT_OPTIONS = {
  silent: false,
  pageSize: 'A4',
  printBackground: true,
  color: true,
  margins: {
    marginType: 'custom',
    top: cssPixels(PRINT_MARGINS_MM.top),
    bottom: cssPixels(PRINT_MARGINS_MM.bottom),
    left: cssPixels(PRINT_MARGINS_MM.left),
    right: cssPixels(PRINT_MARGINS_MM.right),
  },
} as const;
