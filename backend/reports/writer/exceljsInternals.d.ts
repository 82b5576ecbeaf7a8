// exceljs ships no types for its internals; the body-row writer (bodyRows.ts) uses its XML escaping
// so the text it writes is byte for byte what exceljs writes.
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode(text: string): string };
  export default utils;
}
