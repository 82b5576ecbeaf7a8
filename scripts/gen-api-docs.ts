import { writeFileSync } from 'node:fs';
import { renderApiDocs } from './apiDocs';

writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDocs());
console.log('docs/api.md written');
