import { readFileSync, writeFileSync } from 'node:fs';
import { renderApiDocs } from './apiDocs';
import { withReportCatalogue } from './reportDocs';

writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDocs());
console.log('docs/api.md written');

const reportsDoc = new URL('../docs/reports.md', import.meta.url);
writeFileSync(reportsDoc, withReportCatalogue(readFileSync(reportsDoc, 'utf8')));
console.log('docs/reports.md: report table written');
