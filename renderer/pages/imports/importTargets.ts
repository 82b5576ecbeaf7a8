// Where each kind of import lives in the app and how its screen speaks of the records. Pure, so
// the routes are tested alone (test/renderer/importRoutes.test.ts). The kinds and their columns
// themselves come from the backend (`import.kinds`).
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../core/imports/kinds';
import { href } from '../../router/hash';

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
 * The import screen's address: under the page the records belong to, so the left navigation stays
 * on that page. `#/people/import`, `#/regions/import/village`, `#/contracts/import/agency`,
 * `#/budget/import`, `#/training/7/import`.
 */
export function importHref(target: ImportTarget): string {
  switch (target.kind) {
    case 'person':
      return href('/people/import');
    case 'township':
    case 'village':
    case 'district':
      return href(`/regions/import/${target.kind}`);
    case 'agency':
    case 'contract':
      return href(`/contracts/import/${target.kind}`);
    case 'budgetItem':
      return href('/budget/import');
    case 'attendance':
      return href(`/training/${target.trainingId}/import`);
  }
}

const AREA_KINDS: Record<string, readonly ImportTarget['kind'][]> = {
  regions: ['township', 'village', 'district'],
  contracts: ['agency', 'contract'],
};

/** The import a route names, or null when it names none (the inverse of importHref). */
export function importTargetOf(path: readonly string[]): ImportTarget | null {
  const [area, second, third, ...rest] = path;
  if (rest.length) return null;
  if (area === 'people' && second === 'import' && third === undefined) return { kind: 'person' };
  if (area === 'budget' && second === 'import' && third === undefined) return { kind: 'budgetItem' };
  if (area === 'training' && third === 'import' && /^[1-9]\d*$/.test(second ?? ''))
    return { kind: 'attendance', trainingId: Number(second) };
  const kinds = AREA_KINDS[area];
  if (kinds && second === 'import') {
    const kind = kinds.find((k) => k === third);
    return kind ? ({ kind } as ImportTarget) : null;
  }
  return null;
}
