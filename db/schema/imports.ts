// Placeholder until the imports area lands: no tables yet.
import type { SchemaPart } from './types';

export const imports: SchemaPart = { labels: {}, sql: '' };
