// Which area and screen an address names, for the outlet and the menu (app/screens.tsx).
import type { ReactNode } from 'react';
import { matchPattern } from '../router/pattern';
import type { SessionOperator } from '../api/types';
import { canWrite, isAdmin } from '../stores/session';
import { AREAS, type Access, type Area } from './screens';

export function mayOpen(access: Access, operator: SessionOperator | null): boolean {
  if (access === 'admin') return isAdmin(operator);
  if (access === 'write') return canWrite(operator);
  return true;
}

/** The areas this operator may open, in menu order. */
export const areasFor = (operator: SessionOperator | null): Area[] => AREAS.filter((a) => mayOpen(a.access, operator));

export function resolveScreen(
  path: readonly string[],
  operator: SessionOperator | null,
): { area: Area; view: ReactNode } {
  const open = areasFor(operator);
  const area = open.find((a) => a.key === path[0]) ?? open[0];
  for (const screen of area.screens) {
    const params = matchPattern(screen.pattern, path, screen.allowed);
    if (params) return { area, view: screen.render(params) };
  }
  return { area, view: area.screens[0].render({}) };
}
