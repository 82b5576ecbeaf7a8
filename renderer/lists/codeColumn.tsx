// A record's code (人员编号, 区划代码, 合同编号…) as a list column: monospaced so codes line up, and
// sorted by the same field.
import type { ReactNode } from 'react';
import type { Column } from './columns';

export function codeColumn<R>(field: keyof R & string, title: string, width: number): Column<R> {
  return {
    key: field,
    title,
    width,
    sortField: field,
    render: (r) => <span className="mono">{r[field] as ReactNode}</span>,
  };
}
