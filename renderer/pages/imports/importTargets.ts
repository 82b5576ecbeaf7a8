// Where each kind of import lives in the app and how its screen speaks of the records. Pure, so
// the routes are tested alone (test/renderer/importRoutes.test.ts). The kinds and their columns
// themselves come from the backend (`import.kinds`).
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../core/imports/kinds';
import { href } from '../../router/hash';
import { fillPattern, matchPattern, type Params } from '../../router/pattern';

/** What is imported: a kind, and for attendance the training session it belongs to. */
export type ImportTarget = { kind: Exclude<ImportKind, 'attendance'> } | { kind: 'attendance'; trainingId: number };

interface KindText {
  /** The records, in the commit choices and the result: “已有的村（社区）”. */
  noun: string;
  /** How a row finds its stored record. */
  matchedBy: string;
  /** Counting word in the toast after the commit. */
  unit: string;
  /** The list the import adds to: its page and tab. */
  list: { path: string; tab?: string; title: string };
}

export const KIND_TEXTS: Record<Exclude<ImportKind, 'attendance'>, KindText> = {
  person: { noun: '人员', matchedBy: '公民身份号码', unit: '人', list: { path: '/people', title: '人员名单' } },
  township: {
    noun: '乡镇（街道）',
    matchedBy: '乡镇（街道）代码',
    unit: '个',
    list: { path: '/regions', tab: 'townships', title: '乡镇（街道）列表' },
  },
  village: {
    noun: '村（社区）',
    matchedBy: '村（居）代码',
    unit: '个',
    list: { path: '/regions', tab: 'villages', title: '村（社区）列表' },
  },
  district: {
    noun: '普查小区',
    matchedBy: '普查小区代码',
    unit: '个',
    list: { path: '/regions', tab: 'districts', title: '普查小区列表' },
  },
  agency: {
    noun: '第三方机构',
    matchedBy: '统一社会信用代码',
    unit: '家',
    list: { path: '/contracts', tab: 'agencies', title: '第三方机构列表' },
  },
  contract: {
    noun: '合同及履约节点',
    matchedBy: '合同编号、节点序号',
    unit: '条',
    list: { path: '/contracts', tab: 'contracts', title: '合同列表' },
  },
  budgetItem: {
    noun: '预算科目',
    matchedBy: '类别、科目名称和年度',
    unit: '个',
    list: { path: '/budget', tab: 'items', title: '科目列表' },
  },
  problem: {
    noun: '问题与督办事项',
    matchedBy: '编号',
    unit: '条',
    list: { path: '/quality', tab: 'problems', title: '问题与督办台账' },
  },
  groupMember: {
    noun: '领导小组成员',
    matchedBy: '成员单位和姓名',
    unit: '人',
    list: { path: '/organisation', tab: 'group', title: '领导小组及成员单位' },
  },
  publicity: {
    noun: '宣传记录',
    matchedBy: '日期和标题',
    unit: '条',
    list: { path: '/organisation', tab: 'publicity', title: '宣传记录' },
  },
  device: {
    noun: '设备与账号',
    matchedBy: '类别和编号/账号',
    unit: '件',
    list: { path: '/organisation', tab: 'devices', title: '设备与账号' },
  },
  archive: {
    noun: '档案',
    matchedBy: '档号',
    unit: '条',
    list: { path: '/records', tab: 'archive', title: '档案登记' },
  },
};

const ATTENDANCE_TEXT: Omit<KindText, 'list'> = {
  noun: '参训人员',
  matchedBy: '公民身份号码、人员编号或姓名',
  unit: '人',
};

export function kindText(target: ImportTarget): KindText {
  if (target.kind !== 'attendance') return KIND_TEXTS[target.kind];
  return { ...ATTENDANCE_TEXT, list: { path: `/training/${target.trainingId}`, title: '培训班' } };
}

export const importTitle = (target: ImportTarget) => `导入${IMPORT_KIND_LABELS[target.kind]}`;

/** The list the clerk returns to (and the result's 查看 button opens). */
export function listHref(target: ImportTarget): string {
  const { list } = kindText(target);
  return href(list.path, { tab: list.tab });
}

/**
 * Where each import's screen lives: under the page its records belong to, so the left navigation
 * stays on that page. `#/people/import`, `#/regions/import/village`, `#/contracts/import/agency`,
 * `#/budget/import`, `#/training/7/import`. The route table (app/screens.tsx) shows them; a pattern
 * with `:kind` serves each of its kinds, `:id` is the training session.
 */
export const IMPORT_ROUTES: readonly { pattern: string; kinds: readonly ImportKind[] }[] = [
  { pattern: '/people/import', kinds: ['person'] },
  { pattern: '/regions/import/:kind', kinds: ['township', 'village', 'district'] },
  { pattern: '/contracts/import/:kind', kinds: ['agency', 'contract'] },
  { pattern: '/budget/import', kinds: ['budgetItem'] },
  { pattern: '/training/:id/import', kinds: ['attendance'] },
  { pattern: '/records/import/:kind', kinds: ['archive'] },
  { pattern: '/quality/import/:kind', kinds: ['problem'] },
  { pattern: '/organisation/import/:kind', kinds: ['groupMember', 'publicity', 'device'] },
];

/** What an import route's pattern allows for `:kind`. */
export const allowedKinds = (route: (typeof IMPORT_ROUTES)[number]) => ({ kind: route.kinds });

/** The import a matched route names. */
export function importTargetFrom(route: (typeof IMPORT_ROUTES)[number], params: Params): ImportTarget {
  const kind = (params.kind ?? route.kinds[0]) as ImportKind;
  return kind === 'attendance' ? { kind, trainingId: Number(params.id) } : { kind };
}

/** The import screen's address. */
export function importHref(target: ImportTarget): string {
  const route = IMPORT_ROUTES.find((r) => r.kinds.includes(target.kind))!;
  return href(fillPattern(route.pattern, target.kind === 'attendance' ? { id: target.trainingId } : target));
}

/** The import a route names, or null when it names none (the inverse of importHref). */
export function importTargetOf(path: readonly string[]): ImportTarget | null {
  for (const route of IMPORT_ROUTES) {
    const params = matchPattern(route.pattern, path, allowedKinds(route));
    if (params) return importTargetFrom(route, params);
  }
  return null;
}
