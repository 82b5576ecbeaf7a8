// 按条件添加 on a pay run (payRun.candidates): the people still 在岗 of a township, a role or a
// 普查小区 (all that are given must hold), in 人员编号 order, with their 标准 and whether a 银行卡号
// is on record, so the page can add them as lines in one step and say who still lacks a card.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { HandlerCtx } from '../../context';

interface Row {
  id: number;
  name: string;
  person_code: string;
  pay_rate: number | null;
  has_bank: number;
}

export function payRunCandidates(
  ctx: HandlerCtx,
  input: ParsedInputOf<'payRun.candidates'>,
): OutputOf<'payRun.candidates'> {
  const where = ["p.status = '在岗'"];
  const args: unknown[] = [];
  if (input.townshipId != null) {
    where.push('p.township_id = ?');
    args.push(input.townshipId);
  }
  if (input.role != null) {
    where.push('EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = ?)');
    args.push(input.role);
  }
  if (input.districtId != null) {
    where.push('EXISTS (SELECT 1 FROM district_assignments d WHERE d.person_id = p.id AND d.district_id = ?)');
    args.push(input.districtId);
  }
  const rows = ctx.db
    .prepare(
      `SELECT p.id, p.name, p.person_code, p.pay_rate, (p.bank_account IS NOT NULL AND p.bank_account <> '') AS has_bank
       FROM people p WHERE ${where.join(' AND ')} ORDER BY p.person_code`,
    )
    .all(...args) as Row[];
  return {
    people: rows.map((r) => ({
      personId: r.id,
      name: r.name,
      personCode: r.person_code,
      payRate: r.pay_rate,
      hasBankAccount: r.has_bank === 1,
    })),
  };
}
