// No import cycle in core/, db/ or backend/: a module never needs itself, directly or round a loop
// (the cure for the registry lookups that once tied 14 files together, see backend/areas).
// `npx vitest run test/lint/cycles.test.ts` prints each cycle found, file by file.
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './importGraph';

const root = new URL('../..', import.meta.url).pathname;
const LAYERS = ['core', 'db', 'backend'];

describe('the import graph of core/, db/ and backend/', () => {
  it('reads the imports it should (a sanity check of the reader itself)', () => {
    const graph = importGraph(root, LAYERS);
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('backend/dispatch.ts')).toContain('backend/handlers/index.ts');
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle of imports that run', () => {
    expect(cycles(importGraph(root, LAYERS, { runtime: true }))).toEqual([]);
  });

  it('has no cycle even counting type-only imports', () => {
    expect(cycles(importGraph(root, LAYERS))).toEqual([]);
  });
});
