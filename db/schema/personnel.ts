// People (人员) and their roles. Other areas refer to `people (id)` and read `person_roles`.
import type { SchemaPart } from './types';

export const personnel: SchemaPart = {
  labels: {
    people: '人员',
    person_roles: '人员类别',
  },
};
