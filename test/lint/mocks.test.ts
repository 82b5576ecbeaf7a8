// A test file that replaces a module with vi.mock must run in the 'isolated' project: the
// 'shared' one keeps one module graph per worker, where the real module is usually loaded
// already, so the mock silently does nothing (a staging test passed alone and failed in the suite).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOCKING } from '../../vitest.config';

const root = join(__dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

/** `test/electron/**\/*.test.ts` as a regular expression over a relative path. */
const globRegex = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}$`,
  );

describe('test files that mock modules', () => {
  it('are all listed in MOCKING (vitest.config.ts), so they get a fresh module graph', () => {
    const patterns = MOCKING.map(globRegex);
    const mocking = testFiles(join(root, 'test')).filter((f) =>
      /\bvi\.mock\(/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !patterns.some((p) => p.test(f)))).toEqual([]);
  });
});
