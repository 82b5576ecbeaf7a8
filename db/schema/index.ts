// The whole schema, area by area, in the order the initial migration creates it.
import type { SchemaPart } from './types';
import { registerTableLabels } from '../labels';
import { base } from './base';
import { regions } from './regions';
import { personnel } from './personnel';
import { contracts } from './contracts';
import { budget } from './budget';
import { training } from './training';
import { workplan } from './workplan';
import { imports } from './imports';

export const schemaParts: SchemaPart[] = [base, regions, personnel, contracts, budget, training, workplan, imports];

for (const part of schemaParts) registerTableLabels(part.labels);
