// Naming the character a code may not hold, where it is: often one the clerk cannot see (a
// zero-width space or a direction mark pasted from a web page or a chat), so the message gives
// its position and code point: 「第 9 位是不可见字符 U+200B」.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cn}]/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** `不可见字符 U+200B`, or the character itself in quotes. */
export function describeChar(ch: string): string {
  return INVISIBLE.test(ch) ? `不可见字符 ${codePoint(ch)}` : `“${ch}”`;
}

/** 「第 9 位是不可见字符 U+200B」 for the first character `allowed` refuses (1-based, by character); null if none. */
export function badCharAt(s: string, allowed: (ch: string) => boolean): string | null {
  const chars = [...s];
  const i = chars.findIndex((ch) => !allowed(ch));
  if (i < 0) return null;
  const more = chars.filter((ch) => !allowed(ch)).length - 1;
  return `第 ${i + 1} 位是${describeChar(chars[i])}${more > 0 ? `（另有 ${more} 个不允许的字符）` : ''}`;
}
