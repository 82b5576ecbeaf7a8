// Route patterns of the route table: literal segments, integer ids and listed values; an address
// fits one pattern exactly or not at all, and a pattern filled with its parameters fits itself.
import { describe, expect, it } from 'vitest';
import { fillPattern, matchPattern } from '../../renderer/router/pattern';
import { parseHash } from '../../renderer/router/hash';

const path = (hash: string) => parseHash(hash).path;

describe('route patterns', () => {
  it('matches literals and parameters', () => {
    expect(matchPattern('/people', path('#/people'))).toEqual({});
    expect(matchPattern('/people/:id', path('#/people/12'))).toEqual({ id: '12' });
    expect(matchPattern('/regions/township/:id', path('#/regions/township/5?tab=x'))).toEqual({ id: '5' });
    expect(matchPattern('/training/:id/import', path('#/training/7/import'))).toEqual({ id: '7' });
  });

  it('refuses other lengths, non-integer ids and unlisted values', () => {
    expect(matchPattern('/people/:id', path('#/people'))).toBeNull();
    expect(matchPattern('/people/:id', path('#/people/12/x'))).toBeNull();
    expect(matchPattern('/people/:id', path('#/people/import'))).toBeNull();
    expect(matchPattern('/people/:id', path('#/people/0'))).toBeNull();
    expect(matchPattern('/contracts/:contractId', path('#/contracts/x'))).toBeNull();
    const kinds = { kind: ['agency', 'contract'] };
    expect(matchPattern('/contracts/import/:kind', path('#/contracts/import/agency'), kinds)).toEqual({
      kind: 'agency',
    });
    expect(matchPattern('/contracts/import/:kind', path('#/contracts/import/village'), kinds)).toBeNull();
  });

  it('fills a pattern back into an address', () => {
    expect(fillPattern('/training/:id/import', { id: 7 })).toBe('/training/7/import');
    expect(
      matchPattern('/regions/:kind/:id', path(`#${fillPattern('/regions/:kind/:id', { kind: 'village', id: 3 })}`)),
    ).toEqual({ kind: 'village', id: '3' });
  });
});
