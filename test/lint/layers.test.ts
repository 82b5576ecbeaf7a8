// The layer rules are only worth something if they fire: lint a few offending snippets.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function errorsFor(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layer rules', () => {
  it.each([
    ['core/x.ts', "import { openDatabase } from '../db/open';\nexport const a = openDatabase;"],
    ['core/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['db/x.ts', "import { createDispatch } from '../backend/dispatch';\nexport const a = createDispatch;"],
    ['backend/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/x.ts', "import { openBackend } from '../backend/app';\nexport const a = openBackend;"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/x.ts', "import { join } from 'node:path';\nexport const a = join;"],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toBe(1);
  });

  it.each([
    ['backend/x.ts', "import { openDatabase } from '../db/open';\nexport const a = openDatabase;"],
    ['renderer/x.ts', "import { api } from '../core/api';\nexport const a = api;"],
    ['electron/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s may import that: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toBe(0);
  });
});
