// cityReport.preview — what a city (or province) office's R2 of a period would consolidate now:
// each unit with the version that would be included (its newest received version not replaced),
// and the units that have not reported (named in the report's title block, never counted as zero).
import { z } from 'zod';
import { period } from './workplan';

export const cityReportPreviewInput = z.object({ period: period() }).strict();

const unitLine = z.object({
  code: z.string(),
  name: z.string(),
  /** 已报: a version would be included; 未报: nothing received for the period. */
  state: z.enum(['已报', '未报']),
  /** received_reports.id of the version included. */
  receivedReportId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  /** How many versions of the period were received in all (the older ones kept in history). */
  versionsReceived: z.number().int(),
  receivedAt: z.string().nullable(),
  generatedAt: z.string().nullable(),
  /** false: taken in with a note although its digest did not match (附说明接收). */
  digestOk: z.boolean().nullable(),
  acceptNote: z.string().nullable(),
  correctionReason: z.string().nullable(),
});

export const cityReportPreviewOutput = z.object({
  period: z.string(),
  periodText: z.string(),
  /** The office's level: 市 consolidates counties, 省 cities. */
  level: z.enum(['市', '省']),
  units: z.array(unitLine),
  includedCount: z.number().int(),
  missing: z.array(z.object({ code: z.string(), name: z.string() })),
  /** As the report's title block prints it: 未报：营山县、仪陇县 ('' when every unit reported). */
  missingText: z.string(),
});
