// Released migrations are frozen: each is literal SQL whose sha256 is recorded here. A database
// created by an older release must end up exactly like a new one, which only holds if the
// migrations it already ran are the ones a new database runs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrations } from '../../db/migrations';

/** sha256 of each released migration's SQL. Add a line when a migration is released; never change one. */
const RELEASED: Record<number, string> = {
  1: '209f01f7376ed5478bbfd7b95a0610da4bafb0f8ad71a5d82552fd1a6d9c0f7b',
  2: 'e707361836f00ed8fe192e860d80b2617359d99939483e9ca43a4b191ae12a48',
  3: 'ae0fe563416824dca2ba6dde5a64c42d9df0ad9f18bb679b34455c41be9fd9bb',
  4: '8c8af6a13b5fe6aa25a8d7b0e6f5e9b58424817fc2ff2193cb0e6e87766dba10',
  5: '0bba28528e1f91352834bda16bd5ccc4d62366a23503e6a8d1fec53e548d5933',
  6: 'a5099de319ae6518c2ee8e48e5b6bc919081f832d5f5bd4d983299c75fefff51',
  7: '03cbf6f0b747dde0a7aa7e6696abc5f2347898362175729ff37ea4416b8cc218',
  8: 'cecd376a3f09c5904a4de4056fd268d984ff576ff36572b549625ef025296a44',
  9: '53c4f04349cdde8ebab296e46d666191c6cefe7b4d4154dacbd7b153793ab235',
  10: '528021078558cdf9575e8cbc6b583ed1f33b1bf1f8ea740ab8e5f4a9d2f6d561',
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('released migrations never change', () => {
  it.each(migrations.map((m) => [m.version, m] as const))(
    'migration %i is literal SQL with its recorded hash',
    (_, m) => {
      expect(typeof m.sql, `migration ${m.version} (${m.name}) must be literal SQL (db/migrations/NNN_*.ts)`).toBe(
        'string',
      );
      expect(
        sha256(m.sql!),
        `migration ${m.version} (${m.name}) changed. Released migrations never change — add a new migration ` +
          `in db/migrations instead. (A new, unreleased migration: record its hash in RELEASED.)`,
      ).toBe(RELEASED[m.version]);
    },
  );

  it('are numbered 1, 2, 3 … with none removed, and the latest is what user_version becomes', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const version of Object.keys(RELEASED).map(Number))
      expect(
        migrations.some((m) => m.version === version),
        `released migration ${version} is missing`,
      ).toBe(true);
    expect(LATEST_VERSION).toBe(migrations.length);
  });
});
