import type { ReactNode } from 'react';

/** One column of a virtual list. */
export interface Column<R> {
  key: string;
  title: string;
  width: number;
  render: (row: R) => ReactNode;
  /** The list method's sort field; columns without one do not sort. */
  sortField?: string;
  align?: 'left' | 'right' | 'center';
  /**
   * 导出 (list.export): the record field this column shows, when not `key`; null leaves the column
   * out of the file (buttons, icons).
   */
  exportField?: string | null;
  /** The field is money in 分: written in 元. */
  money?: boolean;
}
