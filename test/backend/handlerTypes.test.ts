// A method without a handler is a compile error: `npm run typecheck` (tsc over test/ too) checks
// this file, and each `@ts-expect-error` below fails the typecheck if its line ever compiles.
import { describe, expect, it } from 'vitest';
import type { personnelApi } from '../../core/api/personnel';
import type { HandlerCtx } from '../../backend/context';
import { handlers } from '../../backend/handlers';
import { fromServices } from '../../backend/handlers/fromServices';
import type { Handlers } from '../../backend/handlers/types';
import {
  createPerson,
  deletePerson,
  getPerson,
  leavePerson,
  listPeople,
  updatePerson,
} from '../../backend/areas/personnel/people';
import { bulkSetPeople } from '../../backend/areas/personnel/bulkSet';

// The dispatch map as it is: complete.
const complete: Handlers = handlers;

// The dispatch map without one method.
const { 'person.leave': _leave, ...withoutLeave } = handlers;
// @ts-expect-error person.leave has no handler
const incomplete: Handlers = withoutLeave;

// An area's map without one method.
fromServices<typeof personnelApi>(
  // @ts-expect-error person.leave has no service
  {
    'person.create': createPerson,
    'person.get': getPerson,
    'person.update': updatePerson,
    'person.list': listPeople,
    'person.delete': deletePerson,
  },
);

fromServices<typeof personnelApi>({
  'person.create': createPerson,
  'person.get': getPerson,
  // @ts-expect-error a service of another method (its input and output do not fit)
  'person.update': listPeople,
  'person.list': listPeople,
  'person.delete': deletePerson,
  'person.leave': leavePerson,
  'person.bulkSet': bulkSetPeople,
});

fromServices<typeof personnelApi>({
  'person.create': createPerson,
  'person.get': getPerson,
  'person.update': updatePerson,
  'person.list': listPeople,
  'person.delete': deletePerson,
  'person.leave': leavePerson,
  'person.bulkSet': bulkSetPeople,
  // @ts-expect-error a method the area's contract does not have
  'person.fly': leavePerson,
});

describe('handler maps', () => {
  it('are complete by type (the checks above are tsc’s); at run time a handler calls its service', () => {
    expect(Object.keys(complete)).toContain('person.leave');
    expect(Object.keys(incomplete)).not.toContain('person.leave');
    const seen: unknown[] = [];
    const map = fromServices<typeof personnelApi>({
      'person.create': createPerson,
      'person.get': (ctx, input) => {
        seen.push(ctx, input);
        return null as never;
      },
      'person.update': updatePerson,
      'person.list': listPeople,
      'person.delete': deletePerson,
      'person.leave': leavePerson,
      'person.bulkSet': bulkSetPeople,
    });
    const ctx = {} as HandlerCtx;
    const get = map['person.get'] as (input: { id: number }, ctx: HandlerCtx) => unknown;
    get({ id: 7 }, ctx);
    expect(seen).toEqual([ctx, { id: 7 }]);
  });
});
