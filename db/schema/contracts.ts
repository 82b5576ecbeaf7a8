// Placeholder until the contracts area lands: no tables yet.
import type { SchemaPart } from './types';

export const contracts: SchemaPart = { labels: {}, sql: '' };
