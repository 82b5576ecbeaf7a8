// The screen the route names, from the route table (app/screens.tsx): the first screen of the
// address's area whose pattern fits, else the area's list; an unknown area shows the dashboard.
import { Fragment } from 'react';
import { useRoute } from '../router/route';
import { useSession } from '../stores/session';
import { levelOf, resolveScreen } from './resolveScreen';

export function PageOutlet() {
  const path = useRoute((r) => r.path.join('/'));
  const operator = useSession((s) => s.operator);
  const level = levelOf(useSession((s) => s.office));
  const { area, view } = resolveScreen(path.split('/'), operator, level);
  return <Fragment key={area.key}>{view}</Fragment>;
}
