// Column mapping: the guess from header texts, checks on a mapping the clerk edited, and the
// header "shape" a confirmed mapping is remembered under.
import { columnIndex, columnLetter } from './columns';
import { matchHeader, type HeaderColumn } from './header';
import type { ColumnMapping, ImportField } from './types';

/** Each field goes to the first column that names it; columns nobody recognises stay unmapped. */
export function guessMapping(columns: readonly HeaderColumn[], fields: readonly ImportField[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const col of columns) {
    const key = matchHeader(col.candidates, fields);
    const letter = columnLetter(col.index);
    if (key && !taken.has(key)) {
      mapping[letter] = key;
      taken.add(key);
    } else mapping[letter] = null;
  }
  return mapping;
}

/**
 * The header's shape: its normalised texts in column order. The same form filled in again next
 * month has the same shape, so the mapping the clerk confirmed last time applies again.
 */
export function headerShape(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => `${columnLetter(c.index)}=${c.candidates[0] ?? ''}`).join('|');
}

/** Messages for a mapping that cannot be used: unknown columns or fields, a field used twice. */
export function mappingProblems(mapping: ColumnMapping, fields: readonly ImportField[], width: number): string[] {
  const problems: string[] = [];
  const byField = new Map<string, string[]>();
  for (const [letter, key] of Object.entries(mapping)) {
    const index = columnIndex(letter);
    if (index < 0 || index >= width) problems.push(`列“${letter}”不在表头范围内`);
    if (key === null) continue;
    if (!fields.some((f) => f.key === key)) {
      problems.push(`列“${letter}”对应的字段“${key}”不存在`);
      continue;
    }
    byField.set(key, [...(byField.get(key) ?? []), letter]);
  }
  for (const [key, letters] of byField) {
    if (letters.length > 1)
      problems.push(`“${fields.find((f) => f.key === key)!.label}”同时对应了${letters.join('、')}列，只能对应一列`);
  }
  return problems;
}

export function missingRequired(mapping: ColumnMapping, fields: readonly ImportField[]): ImportField[] {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => v !== null));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** Field key → 0-based column index, for the mapped fields only. */
export function columnsByField(mapping: ColumnMapping): Map<string, number> {
  const out = new Map<string, number>();
  for (const [letter, key] of Object.entries(mapping)) if (key !== null) out.set(key, columnIndex(letter));
  return out;
}
