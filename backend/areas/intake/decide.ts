// Where a checked workbook belongs (inside the transaction, against what is filed now): refused
// with a reason, a duplicate, or filed as new or as a newer version. Pure reading; ./file.ts writes.
// The order is the clerk's: what the file is (readable, a monthly report, its layout), whose it is
// (level, city or province, one of our units), what it says it is (draft), whether its figures are
// what was sent (digest), and last how it stands against the versions already filed.
import type { Database } from 'better-sqlite3';
import type { IntakeReason } from '../../../core/schemas/intake';
import type { Finding } from '../../../core/reports/verify/types';
import { LAYOUT_VERSION } from '../../../core/reports/layout';
import { PERIOD_PATTERN } from '../../../core/schemas/workplan';
import { periodLabel } from '../../../core/reports/period';
import type { Checked } from './check';
import type { ReceivingOffice, Unit } from './office';
import { unitByCode } from './office';
import { TAKES } from './verifiers';
import { localTime } from './time';

/** Layout versions of the meta this build reads (core/reports/layout.ts). */
export const READABLE_LAYOUTS: readonly string[] = [String(LAYOUT_VERSION)];

export interface FiledReport {
  id: number;
  version: number;
  digest: string | null;
  receivedAt: string;
}

export type Decision =
  | {
      kind: 'refuse';
      reasonCode: Exclude<IntakeReason, 'SAME_FILE' | 'SAME_REPORT'>;
      reason: string;
      findings: Finding[];
    }
  | { kind: 'duplicate'; reasonCode: 'SAME_REPORT'; reason: string; of: FiledReport }
  | { kind: 'file'; replaces: FiledReport | null };

export interface Whose {
  unitCode: string | null;
  unit: Unit | null;
  /** The unit's name as the office lists it, else as the file says. */
  unitName: string | null;
  period: string | null;
  version: number | null;
}

const refuse = (
  reasonCode: Extract<Decision, { kind: 'refuse' }>['reasonCode'],
  reason: string,
  findings: Finding[] = [],
): Decision => ({ kind: 'refuse', reasonCode, reason, findings });

/** Whose and which a checked file is, as far as it says. */
export function whoseOf(db: Database, checked: Checked): Whose {
  if (checked.kind !== 'read') return { unitCode: null, unit: null, unitName: null, period: null, version: null };
  const id = checked.identity;
  const code = id.countyCode && /^\d{6}$/.test(id.countyCode) ? id.countyCode : null;
  const unit = unitByCode(db, code);
  return {
    unitCode: code,
    unit,
    unitName: unit?.name ?? id.countyName,
    period: id.period && PERIOD_PATTERN.test(id.period) ? id.period : null,
    version: id.version,
  };
}

/** The filed versions of a unit's period, newest first. */
export function filedVersions(db: Database, unitCode: string, period: string): FiledReport[] {
  return db
    .prepare(
      `SELECT id, version, digest, received_at AS receivedAt FROM received_reports
       WHERE unit_code = ? AND period = ? ORDER BY version DESC`,
    )
    .all(unitCode, period) as FiledReport[];
}

/**
 * The decision for one checked workbook. `accepting`: intake.accept files a DIGEST refusal with
 * a note, so the digest is not held against it (everything else is checked again).
 */
export function decide(
  db: Database,
  office: ReceivingOffice,
  checked: Checked,
  whose: Whose,
  accepting = false,
): Decision {
  if (checked.kind === 'unreadable') return refuse(checked.reasonCode, checked.reason);
  const id = checked.identity;
  const who = whose.unitName ?? '该单位';
  if (id.source === 'title')
    return refuse(
      'NO_META',
      `工作簿缺少标识信息（隐藏的标识工作表，可能在复制到新工作簿或另存时丢失），无法确认是哪个单位哪一期的哪一版：请${who}重新导出正式报送版本，发送导出的原文件`,
    );
  if (!checked.layoutVersion || !READABLE_LAYOUTS.includes(checked.layoutVersion))
    return refuse(
      'LAYOUT_UNKNOWN',
      `报表格式版本为 ${checked.layoutVersion || '（空）'}，本程序读取第 ${READABLE_LAYOUTS.join('、')} 版：请将本程序升级到与${who}相同的版本，或请其用相同版本的程序重新导出`,
    );

  const takes = TAKES[office.level];
  if (checked.level !== takes) {
    const what =
      checked.level === '县'
        ? '县（区）的月报'
        : checked.level === '市'
          ? '市级汇总表'
          : `填报层级为“${checked.level}”的报表`;
    const wants = office.level === '市' ? '市普查办收取各县（区）的月报' : '省普查办收取各市（州）的汇总表';
    return refuse('WRONG_LEVEL', `这是${what}：${wants}`);
  }
  if (!checked.verified) return refuse('WRONG_LEVEL', `本单位不收取填报层级为“${checked.level}”的报表`);

  const code = id.countyCode ?? '';
  if (office.level === '市') {
    const city = id.cityCode ?? '';
    if (!code.startsWith(office.prefix) || (city !== '' && city !== office.prefix))
      return refuse(
        'OTHER_CITY',
        `来自其他市（州）：${id.countyName ?? ''}（区划代码 ${code || '空'}${city ? `，市（州）代码 ${city}` : ''}），本市代码 ${office.prefix}`,
      );
  } else if (!code.startsWith(office.prefix))
    return refuse(
      'OTHER_PROVINCE',
      `来自其他省：${id.countyName ?? ''}（区划代码 ${code || '空'}），本省代码 ${office.prefix}`,
    );
  if (!whose.unit)
    return refuse(
      'NOT_A_UNIT',
      office.level === '市'
        ? `${id.countyName ?? ''}（${code}）不在本市县（区）名单中：请先在设置中添加`
        : `${id.countyName ?? ''}（${code}）不在本省市（州）名单中：请先在设置中添加`,
    );
  if (!whose.period) return refuse('NO_META', `标识信息中的报告期“${id.period ?? ''}”无法识别`);
  if (id.status === 'draft')
    return refuse(
      'DRAFT',
      `这是${who}${periodLabel(whose.period)}的草稿，不是正式报送版本：请其正式报送后，发送正式报送时导出的文件`,
    );
  if (id.status !== 'official' || whose.version === null)
    return refuse('NO_META', '标识信息中没有报送状态或版本，无法确认是正式报送的哪一版');

  const v = checked.verified;
  if (v.digest !== 'match' && !accepting) {
    // The finding's own words without its cell in the hidden meta sheet (the findings keep it).
    const found = v.findings.find((f) => f.kind === 'digest')?.message.replace(/^_meta(![A-Z]+\d+)?：/, '');
    return refuse(
      'DIGEST',
      found ?? '数据摘要与工作簿内容不符：报表中的数字在导出后被修改',
      v.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, kind: f.kind, message: f.message })),
    );
  }

  const filed = filedVersions(db, whose.unit.code, whose.period);
  const same = filed.find((f) => f.version === whose.version);
  if (same) {
    if (v.digest === 'match' && same.digest === checked.digest)
      return {
        kind: 'duplicate',
        reasonCode: 'SAME_REPORT',
        reason: `与 ${localTime(same.receivedAt)} 收取的第${same.version}版内容相同（数据摘要一致），未重复归档`,
        of: same,
      };
    return refuse(
      'VERSION_CLASH',
      `已于 ${localTime(same.receivedAt)} 收取${who}${periodLabel(whose.period)}第${same.version}版，这份文件也标为第${whose.version}版，但内容不同：请向${who}核实哪一份是正式报送的`,
    );
  }
  const head = filed[0] ?? null;
  if (head && head.version > whose.version)
    return refuse(
      'OLDER_VERSION',
      `已收取较新的第${head.version}版（${localTime(head.receivedAt)}），这是较早的第${whose.version}版，未归档（原文件已保存）`,
    );
  return { kind: 'file', replaces: head };
}
