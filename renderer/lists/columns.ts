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
}
