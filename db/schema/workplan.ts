// Placeholder until the workplan area lands: no tables yet.
import type { SchemaPart } from './types';

export const workplan: SchemaPart = { labels: {}, sql: '' };
