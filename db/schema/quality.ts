// 质量核查 records, the per-period source of the progress table's columns 13–14, and the problem
// and 督办 ledger (migration 7; docs/spec/quality-and-problems.md).
import type { SchemaPart } from './types';

export const quality: SchemaPart = {
  labels: {
    quality_checks: '质量核查记录',
    quality_period_sources: '第13、14列取数方式',
    problems: '问题与督办台账',
  },
};
