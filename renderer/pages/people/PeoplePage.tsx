import { useRoute } from '../../router/route';
import { ImportPage } from './ImportPage';
import { PeopleList } from './PeopleList';
import { PersonDetail } from './PersonDetail';

export function PeoplePage() {
  const id = useRoute((r) => r.path[1]);
  if (id === 'import') return <ImportPage />;
  return id ? <PersonDetail key={id} id={Number(id)} /> : <PeopleList />;
}
