// A small coloured label for list cells: antd's Tag look without its per-instance style hooks,
// because a list shows hundreds of them while the clerk types and scrolls.
import type { ReactNode } from 'react';

export type PillColor = 'default' | 'green' | 'red' | 'orange' | 'blue' | 'gold';

export function Pill({ color = 'default', children }: { color?: PillColor; children: ReactNode }) {
  return <span className={`pill pill-${color}`}>{children}</span>;
}
