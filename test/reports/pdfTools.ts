// poppler's pdfinfo / pdftotext / pdftoppm for the PDF checks; tests that need them skip (with the
// reason logged) where they are not installed, and CI installs them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const hasTool = (name: string) => ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(`${d}/${name}`));

/** Page count and the size of the first page in points. */
export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** One page's text with all white space removed (pdftotext spaces CJK text unevenly). */
export function pageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');
}

export const isA4 = (w: number, h: number) =>
  Math.abs(Math.min(w, h) - 595.3) < 2 && Math.abs(Math.max(w, h) - 841.9) < 2;
