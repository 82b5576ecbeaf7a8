// A file name as a clerk is shown it: the name a colleague's file arrived with may hold control
// characters, bidi overrides (U+202E turns “exe.xlsx” around on screen) or a path (`../`). The
// audit log and import history keep the name exactly as received; screens and messages show this.

/** C0/C1 controls, zero-width and bidi formatting characters. */
// eslint-disable-next-line no-control-regex -- controls are what it removes
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/g;

export function displayFileName(name: string): string {
  const base = name.replace(UNSHOWABLE, '').split(/[\\/]/).pop() ?? '';
  const shown = base.replace(/^\.+/, '').trim();
  return shown || '未命名文件';
}
