import { useRoute } from '../../router/route';
import { PeopleList } from './PeopleList';
import { PersonDetail } from './PersonDetail';

export function PeoplePage() {
  const id = useRoute((r) => r.path[1]);
  return id ? <PersonDetail key={id} id={Number(id)} /> : <PeopleList />;
}
