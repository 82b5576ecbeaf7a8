// Plain HTML building for the print views: escaping and the page around a sheet.
import { printCss } from './printCss';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Text with its line breaks kept (the 填报单位 line's right part has several lines). */
export const escLines = (value: string) => esc(value).replace(/\n/g, '<br>');

/** A complete document: printed from an iframe in the browser, or by printToPDF in the desktop app. */
export function printDocument(title: string, orientation: 'landscape' | 'portrait', body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${printCss(orientation)}</style>
</head>
<body>
${body}
</body>
</html>`;
}
