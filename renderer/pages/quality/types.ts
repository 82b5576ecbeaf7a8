import type { OutputOf } from '../../../core/api';

export type QualityCheckRecord = OutputOf<'qualityCheck.get'>;
export type ProblemRecord = OutputOf<'problem.get'>;
export type QualityFeed = OutputOf<'quality.feed'>;
