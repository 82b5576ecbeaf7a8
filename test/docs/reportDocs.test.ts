// The table of exportable reports in docs/reports.md is generated from the report catalogue.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportCatalogue, withReportCatalogue } from '../../scripts/reportDocs';
import { REPORTS } from '../../core/reports/catalogue';

describe('docs/reports.md', () => {
  it('lists the catalogue (run `npm run docs:api` after changing it)', () => {
    const committed = readFileSync(new URL('../../docs/reports.md', import.meta.url), 'utf8');
    expect(committed).toBe(withReportCatalogue(committed));
    for (const r of REPORTS) expect(renderReportCatalogue()).toContain(`| \`${r.id}\` | ${r.name} |`);
  });
});
