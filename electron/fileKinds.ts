// The file-type filters of the native dialogs, in Chinese. The page names a kind; the filters
// themselves never come from the page.
import type { FileKind } from './desktopApi';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const FILE_KINDS: readonly FileKind[] = ['excel', 'csv', 'pdf', 'backup', 'package'];

/** What we write: one extension per kind, so the dialog appends the right one. */
export const SAVE_FILTERS: Record<FileKind, FileFilter> = {
  excel: { name: 'Excel 文件', extensions: ['xlsx'] },
  csv: { name: 'CSV 文件', extensions: ['csv'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  backup: { name: '数据备份文件', extensions: ['db'] },
  package: { name: '普查办工作台数据包', extensions: ['cdpkg'] },
};

/** What we read: Excel also in the old .xls format that county offices still pass around. */
export const OPEN_FILTERS: Record<FileKind, FileFilter> = {
  excel: { name: 'Excel 文件', extensions: ['xlsx', 'xls'] },
  csv: { name: 'CSV 文件', extensions: ['csv'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  backup: { name: '数据备份文件', extensions: ['db'] },
  // A package is a verified SQLite copy, so a backup file opens as one too.
  package: { name: '普查办工作台数据包', extensions: ['cdpkg', 'db'] },
};

export const ALL_FILES_FILTER: FileFilter = { name: '所有文件', extensions: ['*'] };
