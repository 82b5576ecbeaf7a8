// The example row of each import template: values the importer accepts, in the forms clerks
// should use, marked （示例） where a record would be named so a row left in by mistake shows up in
// the preview. Codes follow the office's county code when there is one.
import type { ImportKind } from '../../core/imports/kinds';
import { archiveExample } from './templateArchive';
import type { ImportField } from '../../core/imports/types';
import { idCheckChar } from '../../core/validate/idNumber';

export interface Office {
  countyCode: string | null;
  /** Township names, by code. */
  townships: string[];
  /** The first township's code (the examples' village and district sit under it). */
  townshipCode: string | null;
  /** Codes of stored townships, villages and districts: an example row must never name one. */
  takenCodes: ReadonlySet<string>;
  /** The first stored agency's name, if any. */
  agency: string | null;
  /** The first roster person, if any: a device's example is handed to them. */
  holder: { name: string; personCode: string | null } | null;
}

type Row = Record<string, string | number>;

/**
 * A code under `prefix` that no stored record has: an example row left in would otherwise be an
 * update renaming a real township (`…100` is the first town of most counties) to 示例镇（示例）.
 */
function freeCode(prefix: string, taken: ReadonlySet<string>, from: number, digits = 3): string {
  for (let n = from; n > 0; n--) {
    const code = prefix + String(n).padStart(digits, '0');
    if (!taken.has(code)) return code;
  }
  return prefix + String(from).padStart(digits, '0');
}

function perKind(kind: ImportKind, o: Office): Row {
  const county = o.countyCode ?? '511323';
  const idBody = `${county}19800101123`;
  const id = idBody + idCheckChar(idBody);
  const township = o.townships[0] ?? '';
  const villageCode = freeCode(o.townshipCode ?? `${county}199`, o.takenCodes, 299);
  switch (kind) {
    case 'person':
      return {
        name: '张三（示例）',
        sex: '男',
        idNumber: id,
        roles: '普查员',
        ethnicity: '汉族',
        politicalStatus: '群众',
        education: '大学本科',
        employer: '县统计局',
        source: '抽调',
        mobile: '13800000000',
        township,
        hireStart: '2018-03-05',
        status: '在岗',
      };
    case 'township':
      return { code: freeCode(county, o.takenCodes, 199), name: '示例镇（示例）' };
    case 'village':
      return { code: villageCode, name: '示例村（示例）', township };
    case 'district':
      return {
        code: freeCode(villageCode, o.takenCodes, 999),
        name: '示例普查小区（示例）',
        township,
        basis: '行政村',
        listingCount: 50,
        status: '未划分',
      };
    case 'agency':
      return {
        name: '示例环境咨询有限公司（示例）',
        creditCode: '91350100M000100Y43',
        contactName: '李经理',
        phone: '0838-1234567',
      };
    case 'contract':
      return {
        contractNo: 'HT-2018-001',
        name: '入户调查服务（示例）',
        agency: o.agency ?? '示例环境咨询有限公司',
        procurementMethod: '公开招标',
        serviceKinds: '入户调查',
        amount: '100000.00',
        signedDate: '2018-03-05',
        'node.seq': 1,
        'node.workContent': '进场',
        'node.plannedDate': '2018-06-30',
        'node.payableRatio': 30,
      };
    case 'budgetItem':
      return {
        category: '人员劳务',
        name: '普查员劳动报酬（示例）',
        year: 2018,
        basis: '200元/人·天×120人×30天',
        amount: '720000.00',
        fundingLevel: '县',
      };
    case 'archive':
      return archiveExample;
    case 'attendance':
      return { name: '张三（示例）', idNumber: id, signedIn: '是', score: 90, passed: '是' };
    case 'problem':
      return {
        refNo: '2018-001',
        kind: '督办件',
        raisedDate: '2018-07-02',
        source: '市污普办',
        subject: '示例镇（示例）',
        content: '清查进度滞后（示例）',
        dueDate: '2018-07-10',
        status: '未办结',
      };
    case 'groupMember':
      return {
        unit: '县示例局（示例）',
        name: '王五',
        unitPost: '副局长',
        groupPost: '成员',
        duties: '提供本系统普查对象名录',
      };
    case 'publicity':
      return {
        date: '2018-06-05',
        kind: '广播电视',
        channel: '县电视台',
        title: '普查公益广告（示例）',
        quantity: 30,
        unit: '次',
      };
    case 'device':
      // The holder must be on the roster: the office's first person; with none the row says so.
      return {
        kind: 'PAD',
        identifier: 'PAD-0001（示例）',
        description: '华为 M5',
        personName: o.holder?.name ?? '张三（示例）',
        ...(o.holder?.personCode ? { personCode: o.holder.personCode } : {}),
        handedDate: '2018-07-20',
        state: '在用',
      };
  }
}

/** The example row by field key; a field without an example of its own stays empty. */
export function exampleRow(kind: ImportKind, fields: readonly ImportField[], office: Office): Row {
  const given = perKind(kind, office);
  const out: Row = {};
  for (const f of fields) if (given[f.key] !== undefined) out[f.key] = given[f.key];
  return out;
}
