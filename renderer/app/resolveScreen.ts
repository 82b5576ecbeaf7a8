// Which area and screen an address names, for the outlet and the menu (app/screens.tsx).
import type { ReactNode } from 'react';
import { matchPattern } from '../router/pattern';
import type { SessionOperator } from '../api/types';
import { canWrite, isAdmin } from '../stores/session';
import { AREAS, type Access, type Area } from './screens';
import { isOfficeLevel, type OfficeLevel } from '../../core/officeLevels';

export function mayOpen(access: Access, operator: SessionOperator | null): boolean {
  if (access === 'admin') return isAdmin(operator);
  if (access === 'write') return canWrite(operator);
  return true;
}

/** Whether an office of this level shows the area: a county's registries unless it says otherwise. */
export const shownAt = (area: Area, level: OfficeLevel): boolean => (area.levels ?? ['县']).includes(level);

/** The office's level as the profile says (a county until there is one). */
export const levelOf = (office: { level?: unknown } | null): OfficeLevel =>
  isOfficeLevel(office?.level) ? office.level : '县';

/** The areas this operator may open at this office's level, in menu order. */
export const areasFor = (operator: SessionOperator | null, level: OfficeLevel = '县'): Area[] =>
  AREAS.filter((a) => shownAt(a, level) && mayOpen(a.access, operator));

export function resolveScreen(
  path: readonly string[],
  operator: SessionOperator | null,
  level: OfficeLevel = '县',
): { area: Area; view: ReactNode } {
  const open = areasFor(operator, level);
  const area = open.find((a) => a.key === path[0]) ?? open[0];
  for (const screen of area.screens) {
    const params = matchPattern(screen.pattern, path, screen.allowed);
    if (params) return { area, view: screen.render(params) };
  }
  return { area, view: area.screens[0].render({}) };
}
