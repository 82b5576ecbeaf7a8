// Text normalisation shared by every validator and importer.
// Clerks paste from Word, WPS and web pages, so input carries full-width
// characters, ideographic spaces, NBSP and zero-width marks.

/** Zero-width and BOM characters: not matched by `\s`, but invisible in a cell. */
const ZERO_WIDTH = '\\u200B\\u200C\\u200D\\u2060\\uFEFF';

// `\s` already covers U+3000, NBSP, U+2000–U+200A, U+202F, U+205F and U+FEFF.
// The class lists U+200D (zero-width joiner) as a lone character to strip, on purpose.
// eslint-disable-next-line no-misleading-character-class
const EDGE_SPACE = new RegExp(`^[\\s${ZERO_WIDTH}]+|[\\s${ZERO_WIDTH}]+$`, 'g');
// eslint-disable-next-line no-misleading-character-class
const ANY_SPACE = new RegExp(`[\\s${ZERO_WIDTH}]+`, 'g');

/** Full-width ASCII (U+FF01–U+FF5E) → half-width; U+3000 ideographic space → ' '. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Trim half-/full-width and zero-width whitespace at both ends; inner text untouched. */
export function normalizeText(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

/** For codes and IDs: half-width, no whitespace anywhere, uppercase. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).replace(ANY_SPACE, '').toUpperCase();
}

/** Remove every whitespace character (incl. zero-width), wherever it is. */
export function removeSpaces(s: string): string {
  return s.replace(ANY_SPACE, '');
}
