// Placeholder until the budget area lands: no tables yet.
import type { SchemaPart } from './types';

export const budget: SchemaPart = { labels: {}, sql: '' };
