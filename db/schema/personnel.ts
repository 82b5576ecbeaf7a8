// Placeholder until the personnel area lands: no tables yet.
import type { SchemaPart } from './types';

export const personnel: SchemaPart = { labels: {}, sql: '' };
