// How values read on screen: 元 with separators, masked IDs and phones in lists, rates, dates.
import { formatYuan } from '../../core/money';
import { formatDateCn } from '../../core/dates';
import { maskIdNumber } from '../../core/validate/idNumber';
import { maskPhone } from '../../core/validate/phone';

export const yuan = (fen: number | null | undefined) => (fen == null ? '' : formatYuan(fen));
export const yuanText = (fen: number | null | undefined) => (fen == null ? '—' : `${formatYuan(fen)} 元`);
export const maskedId = (id: string | null | undefined) => (id ? maskIdNumber(id) : '');
export const maskedPhone = (phone: string | null | undefined) => (phone ? maskPhone(phone) : '');
/** Bank card numbers keep their first and last four digits, like IDs. */
export const maskedAccount = (account: string | null | undefined) => (account ? maskIdNumber(account) : '');
export const rate = (n: number | null | undefined) => (n == null ? '—' : `${n.toFixed(1)}%`);
export const dateCn = (iso: string | null | undefined) => (iso ? formatDateCn(iso) : '—');
export const orDash = (v: unknown) => (v == null || v === '' ? '—' : String(v));
export const yesNo = (v: boolean | null | undefined) => (v == null ? '—' : v ? '是' : '否');

/** Audit and export times are UTC ISO instants; the clerk reads local time. */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
