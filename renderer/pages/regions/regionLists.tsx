// The lists a township's page and a village's page both embed: the people assigned there and its 普查小区.
import { embeddedDistricts, embeddedPeople } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { EmbeddedList } from '../../lists/EntityList';
import type { Values } from '../../forms/useSchemaForm';
import { peopleColumns } from '../people/peopleColumns';
import { districtColumns } from './regionColumns';
import { districtForm } from './regionForms';

interface Common {
  /** The region the list is narrowed to: `{ townshipId }` or `{ villageId }`. */
  fixed: Record<string, unknown>;
  testId: string;
  noun: string;
  howToAdd: string;
}

export function AssignedPeople({ fixed, testId, noun, howToAdd }: Common) {
  return (
    <EmbeddedList
      store={embeddedPeople}
      fixed={fixed}
      columns={peopleColumns}
      testId={testId}
      unit="人"
      noun={noun}
      howToAdd={howToAdd}
      searchPlaceholder="姓名、人员编号"
      onOpen={(p) => void navigate(href(`/people/${p.id}`))}
    />
  );
}

export function RegionDistricts({
  fixed,
  testId,
  noun,
  howToAdd,
  defaults,
  onChanged,
}: Common & { defaults: Values; onChanged: () => void }) {
  return (
    <EmbeddedList
      store={embeddedDistricts}
      fixed={fixed}
      columns={districtColumns}
      testId={testId}
      unit="个"
      noun={noun}
      howToAdd={howToAdd}
      searchPlaceholder="名称或代码"
      form={{ entity: 'district', label: '普查小区', spec: districtForm, width: 820, defaults }}
      onOpen={(d) => void navigate(href(`/regions/district/${d.id}`))}
      onChanged={onChanged}
    />
  );
}
