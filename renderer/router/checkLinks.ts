// A dashboard check names the list call that shows its records ({method, filters}); this is the
// page of that list, with those filters applied.
import { encodeFilters, href } from './hash';

const LIST_PAGES: Record<string, { path: string; tab?: string }> = {
  'township.list': { path: '/regions', tab: 'townships' },
  'village.list': { path: '/regions', tab: 'villages' },
  'district.list': { path: '/regions', tab: 'districts' },
  'person.list': { path: '/people' },
  'budgetItem.list': { path: '/budget', tab: 'items' },
  'contract.list': { path: '/contracts', tab: 'contracts' },
  'milestone.list': { path: '/progress', tab: 'milestones' },
  'problem.list': { path: '/quality', tab: 'problems' },
  'qualityCheck.list': { path: '/quality', tab: 'checks' },
  'device.list': { path: '/organisation', tab: 'devices' },
};

export function checkHref(link: { method: string; filters: Record<string, unknown> }): string | null {
  // 「数据未加密」: 安全设置 with the 保存恢复码 step open (pages/encryption/EncryptionCard.tsx).
  if (link.method === 'safety.encryption') return href('/settings', { tab: 'safety', encrypt: '1' });
  if (link.method === 'progress.get')
    return href('/progress', { tab: 'figures', period: String(link.filters.period ?? '') });
  const page = LIST_PAGES[link.method];
  if (!page) return null;
  return href(page.path, { tab: page.tab, f: encodeFilters(link.filters) });
}
