import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/apiDocs';
import { api } from '../../core/api';

describe('docs/api.md', () => {
  it('matches the contract (run `npm run docs:api` after changing the API)', () => {
    const committed = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });

  it('documents every method with its Chinese field names', () => {
    const doc = renderApiDocs();
    for (const name of Object.keys(api)) expect(doc).toContain(`### ${name}`);
    expect(doc).toContain('| code | string (区划代码) | 是 | 乡镇（街道）代码 |');
  });
});
