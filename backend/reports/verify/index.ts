// report.read: parse the uploaded workbook (parse.ts, the one place that touches its bytes), then
// verify what was parsed against this office's records and the report's own rules (verify.ts).
import type { HandlerCtx } from '../../context';
import { parseWorkbook } from './parse';
import { verifyParsed, type VerifyResult } from './verify';

export async function verifyWorkbook(ctx: HandlerCtx, bytes: Uint8Array): Promise<VerifyResult> {
  return verifyParsed(ctx.db, await parseWorkbook(bytes));
}
