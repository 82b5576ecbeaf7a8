// The effective size of the text a PDF prints: its content streams are inflated and read operator
// by operator (Tf size × the text matrix × the transformation matrix), so a report that the
// office suite shrinks to fit the page shows its real printed size. Enough of PDF for the files
// LibreOffice and Chromium write (FlateDecode streams, text shown with Tj/TJ/'/").
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];
/** The vertical scale a matrix gives text (the length of its y axis). */
const yScale = (m: Matrix) => Math.hypot(m[2], m[3]);

/** Every inflated stream of the file that draws text. */
function contentStreams(path: string): string[] {
  const buf = readFileSync(path);
  const text = buf.toString('latin1');
  const out: string[] = [];
  const re = /(?<![A-Za-z])stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const s = inflateSync(buf.subarray(start, end)).toString('latin1');
      // Font programs inflate too and may hold the bytes "BT" (a Type 1 font starts as text): a
      // content stream is plain text throughout.
      if (/\bBT\b/.test(s) && !/[^\t\n\r\x20-\x7e]/.test(s)) out.push(s);
    } catch {
      // not a Flate stream (an image, a font program in another filter): no text to read
    }
    re.lastIndex = end;
  }
  return out;
}

const TOKEN = /\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'"*]+\d?\*?/g;

/**
 * How many text-showing operators print at each effective size (points, one decimal), over the
 * whole file. Most of a report's text is its body, so the sizes with the most runs are the body.
 */
export function textSizes(path: string): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const stream of contentStreams(path)) {
    let ctm: Matrix = IDENTITY;
    const stack: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let font = 0;
    let operands: string[] = [];
    const shown = () => {
      const size = Math.round(font * yScale(mul(tm, ctm)) * 10) / 10;
      sizes.set(size, (sizes.get(size) ?? 0) + 1);
    };
    for (const [tok] of stream.matchAll(TOKEN)) {
      if (/^[A-Za-z'"]/.test(tok) && !tok.startsWith('/')) {
        const n = operands.map(Number);
        if (tok === 'q') stack.push(ctm);
        else if (tok === 'Q') ctm = stack.pop() ?? IDENTITY;
        else if (tok === 'cm' && n.length >= 6) ctm = mul(n.slice(-6) as Matrix, ctm);
        else if (tok === 'BT') tm = IDENTITY;
        else if (tok === 'Tm' && n.length >= 6) tm = n.slice(-6) as Matrix;
        else if (tok === 'Tf') font = n[n.length - 1];
        else if (tok === 'Tj' || tok === 'TJ' || tok === "'" || tok === '"') shown();
        operands = [];
      } else if (tok !== '[' && tok !== ']') operands.push(tok);
    }
  }
  return sizes;
}

/** The smallest size at which at least `share` of the text runs print (the body, not a stray mark). */
export function bodySize(sizes: Map<number, number>, share = 0.9): number {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let seen = 0;
  for (const [size, n] of [...sizes].sort((a, b) => b[0] - a[0])) {
    seen += n;
    if (seen >= share * total) return size;
  }
  return 0;
}

export const smallestSize = (sizes: Map<number, number>) => Math.min(...sizes.keys());
