// report.read: parse the uploaded workbook (parse.ts, the one place that touches its bytes), then
// verify what was parsed against this office's records and the report's own rules (verify.ts).
import type { HandlerCtx } from '../../context';
import { parseWorkbook } from './parse';
import { verifyParsed, type VerifyResult } from './verify';
import { isConsolidatedMeta, metaOf, verifyConsolidated } from '../city/verifyConsolidated';

/** A consolidated report (meta level 市/省) is checked by its own layouts; any other as a county's R2. */
export async function verifyWorkbook(ctx: HandlerCtx, bytes: Uint8Array): Promise<VerifyResult> {
  const parsed = await parseWorkbook(bytes);
  const verify = isConsolidatedMeta(metaOf(parsed).meta) ? verifyConsolidated : verifyParsed;
  return verify(ctx.db, parsed);
}
