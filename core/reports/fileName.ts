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

/** The word a draft's file name ends with (submission.md §2). */
export const DRAFT_FILE_MARK = '草稿';

/**
 * The monthly report's file name carries what it is: `蓬安县_工作进度月报_2018年10月_v2.xlsx` for
 * the second official version, `…_草稿.xlsx` for a draft (version null).
 */
export function submissionFileName(
  countyName: string,
  reportName: string,
  periodText: string,
  version: number | null,
): string {
  return reportFileName(countyName, reportName, periodText, version === null ? DRAFT_FILE_MARK : `v${version}`);
}
