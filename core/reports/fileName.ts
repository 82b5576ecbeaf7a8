// File names as reports.md sets them: <县名>_<report name>_<period>.xlsx.

/** Characters Windows refuses in a file name become full-width look-alikes or go away. */
export function safeFilePart(s: string): string {
  return s
    .replace(/[\\/]/g, '／')
    .replace(/:/g, '：')
    .replace(/[*?"<>|]/g, '')
    .replace(/\s+/g, '')
    .slice(0, 60);
}

export function reportFileName(
  countyName: string,
  reportName: string,
  ...parts: (string | null | undefined)[]
): string {
  const tail = parts.filter((p): p is string => Boolean(p)).map(safeFilePart);
  return `${[safeFilePart(countyName), safeFilePart(reportName), ...tail].join('_')}.xlsx`;
}
