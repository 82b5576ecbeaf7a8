// The page contract between the print views and the shell. Pure constants (no 'electron' import) so
// the print views can share them once they move to core/.
//
// Page numbers come from the page's own CSS (@page margin boxes, Chromium ≥ 131), not from
// printToPDF's displayHeaderFooter: the CSS version works alike on paper, in the PDF and in browser
// mode's print, while a header/footer template exists only for the PDF and, measured with Chromium,
// prints on top of any margin box the page declares (「共共 33 页页」). So the shell never adds one.

/** Margins of every printout (mm): room at the bottom for the page number. */
export const PRINT_MARGINS_MM = { top: 15, right: 12, bottom: 18, left: 12 } as const;

const margins = `${PRINT_MARGINS_MM.top}mm ${PRINT_MARGINS_MM.right}mm ${PRINT_MARGINS_MM.bottom}mm ${PRINT_MARGINS_MM.left}mm`;
const pageNumber = '@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; }';

/**
 * The print views' @page rules: A4, our margins, 「第 N 页 共 M 页」 centred at the bottom. A view that
 * prints landscape (劳务报酬发放表) puts `page: landscape` on its root element.
 */
export const PRINT_PAGE_CSS = [
  `@page { size: A4 portrait; margin: ${margins}; ${pageNumber} }`,
  `@page landscape { size: A4 landscape; margin: ${margins}; ${pageNumber} }`,
].join('\n');

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
