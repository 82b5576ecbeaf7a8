// print.registrationForm: the 登记表 of one person (core/reports/registration.ts), built from the
// person's record, assignments and training record on the caller's connection. 公民身份号码, 手机
// and 银行卡号 are masked unless a reveal role asks for them in full; that print is audited in
// dispatch's transaction (the contract's rules make it a `reveals` call), like the other prints.
import type { OutputOf, ParsedInputOf } from '../../core/api';
import { formatDateCn, todayIso } from '../../core/dates';
import { formatYuan } from '../../core/money';
import type { RegistrationDoc } from '../../core/reports/registration';
import { maskIdNumber } from '../../core/validate/idNumber';
import { maskPhone } from '../../core/validate/phone';
import { requireRecord } from '../../db/entity';
import { personDef } from '../../db/entities/personnel';
import { getOffice } from '../../db/entities/system';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import { twoPhase } from '../phases';
import { maskBankCard } from '../masking';
import { auditFullSensitive } from './history';

type Values = Record<string, unknown>;

const str = (v: unknown) => (v == null ? '' : String(v));
const day = (v: unknown) => (typeof v === 'string' && v ? formatDateCn(v) : '');
const period = (from: unknown, to: unknown) => (from || to ? `${day(from) || '　'} 至 ${day(to) || '　'}` : '');

export const REGISTRATION_PLEDGE =
  '本人承诺：以上信息真实、准确；严格遵守普查工作纪律和保密规定，依法履行普查员（普查指导员）职责，对在普查中知悉的普查对象的商业秘密和个人信息予以保密。';
export const REGISTRATION_OPINIONS = ['乡镇（街道）意见', '普查机构审核意见'];

function trainingRows(ctx: HandlerCtx, personId: number): string[][] {
  const rows = ctx.db
    .prepare(
      `SELECT s.name, s.start_date, s.end_date, s.host_level, a.signed_in, a.score, a.passed, a.makeup_score
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.person_id = ? ORDER BY s.start_date, s.id`,
    )
    .all(personId) as Values[];
  return rows.map((r, i) => [
    String(i + 1),
    str(r.name),
    r.end_date && r.end_date !== r.start_date ? `${str(r.start_date)}至${str(r.end_date)}` : str(r.start_date),
    str(r.host_level),
    r.signed_in ? '已签到' : '未签到',
    str(r.makeup_score ?? r.score),
    r.passed ? '合格' : r.score == null && r.makeup_score == null ? '' : '不合格',
  ]);
}

function districtNames(ctx: HandlerCtx, ids: number[]): string {
  if (!ids.length) return '';
  const names = ctx.db
    .prepare(`SELECT name FROM census_districts WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY code`)
    .pluck()
    .all(...ids) as string[];
  return names.join('、');
}

/** The 登记表's values; sensitive ones masked unless `full`. */
export function registrationDoc(ctx: HandlerCtx, personId: number, full: boolean): RegistrationDoc {
  const office = getOffice(ctx.db);
  if (!office)
    throw new UserError('PROFILE_INCOMPLETE', '尚未填写单位信息，无法打印登记表：请管理员先在“单位信息”中填写');
  const p = requireRecord(ctx.db, personDef, personId);
  const id = str(p.idNumber);
  const mobile = str(p.mobile);
  const bank = str(p.bankAccount);
  const birth = str(p.birthDate);
  const insurance = [
    str(p.insuranceCompany),
    p.insurancePolicyNo ? `保单号 ${str(p.insurancePolicyNo)}` : '',
    period(p.insuranceStart, p.insuranceEnd),
    p.insuranceAmount != null ? `保额 ${formatYuan(Number(p.insuranceAmount))} 元` : '',
  ].filter(Boolean);
  const fields: Record<string, string> = {
    name: str(p.name),
    sex: str(p.sex),
    birthMonth: /^\d{4}-\d{2}/.test(birth) ? `${birth.slice(0, 4)}年${Number(birth.slice(5, 7))}月` : '',
    ethnicity: str(p.ethnicity),
    politicalStatus: str(p.politicalStatus),
    education: str(p.education),
    idNumber: full ? id : maskIdNumber(id),
    personCode: str(p.personCode),
    roles: (p.roles as string[]).join('、'),
    source: str(p.source),
    employer: str(p.employer),
    position: str(p.position),
    mobile: full || !mobile ? mobile : maskPhone(mobile),
    landline: str(p.landline),
    status: p.status === '离岗' ? `离岗（${day(p.leftDate)}）` : str(p.status),
    township: str(p.townshipName),
    village: str(p.villageName),
    supervisor: str(p.supervisorName),
    districts: districtNames(ctx, p.districtIds as number[]),
    certNo: str(p.certNo),
    certDate: day(p.certDate),
    certIssuer: str(p.certIssuer),
    hirePeriod: period(p.hireStart, p.hireEnd),
    pay: p.payRate != null ? `${formatYuan(Number(p.payRate))} ${str(p.payBasis) || '元'}` : '',
    insurance: insurance.join('，'),
    bankName: str(p.bankName),
    bankAccount: full || !bank ? bank : maskBankCard(bank),
    note: str(p.note),
  };
  const census = str(office.censusName);
  return {
    title: `${str(office.countyName)}${census}普查人员登记表`,
    unitLine: {
      left: `填报单位（盖章）：${str(office.unitName)}`,
      centre: '',
      right: `填表日期：${formatDateCn(todayIso(ctx.now()))}`,
    },
    fields,
    trainings: trainingRows(ctx, personId),
    pledge: REGISTRATION_PLEDGE,
    opinions: REGISTRATION_OPINIONS,
    fullSensitive: full,
  };
}

interface Built {
  doc: RegistrationDoc;
}

/** Built first; a full print is audited in dispatch's transaction (like the other prints). */
export const printRegistrationForm = twoPhase<'print.registrationForm', Built>({
  prepare: async (input: ParsedInputOf<'print.registrationForm'>, ctx) =>
    Promise.resolve({ doc: registrationDoc(ctx, input.personId, input.fullSensitive) }),
  commit({ doc }, input, ctx): OutputOf<'print.registrationForm'> {
    if (input.fullSensitive)
      auditFullSensitive(ctx, { reportName: '人员登记表', personId: input.personId, print: true, title: doc.title });
    return doc;
  },
});
