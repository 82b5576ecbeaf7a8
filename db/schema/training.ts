// Placeholder until the training area lands: no tables yet.
import type { SchemaPart } from './types';

export const training: SchemaPart = { labels: {}, sql: '' };
