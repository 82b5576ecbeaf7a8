// The menu by office level (renderer/app/screens.tsx `levels`): a county office sees its
// registries as before and none of the city's areas; a city or province office sees the intake,
// ledger, compiled report, 核对, audit log and settings, and an address of a county area falls back
// to its home.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ResolveScreen from '../../renderer/app/resolveScreen';
import type { SessionOperator } from '../../renderer/api/types';

// The route table imports every page; their modules only read `window` (no DOM is rendered here).
let screens: typeof ResolveScreen;
beforeAll(async () => {
  const noop = () => undefined;
  vi.stubGlobal('window', Object.assign(globalThis, { addEventListener: noop, removeEventListener: noop }));
  vi.stubGlobal('location', { hash: '', href: 'http://localhost/' });
  vi.stubGlobal('history', { pushState: noop, replaceState: noop, back: noop, length: 1 });
  screens = await import('../../renderer/app/resolveScreen');
}, 120_000);
const areasFor: (typeof screens)['areasFor'] = (...a) => screens.areasFor(...a);
const levelOf: (typeof screens)['levelOf'] = (...a) => screens.levelOf(...a);
const resolveScreen: (typeof screens)['resolveScreen'] = (...a) => screens.resolveScreen(...a);

const admin = { id: 1, name: 'admin', role: '管理员' as const };
const reader = { id: 2, name: 'reader', role: '只读' as const };
const keys = (level: '县' | '市' | '省', who: SessionOperator = admin) => areasFor(who, level).map((a) => a.key);

describe('menu by office level', () => {
  it("keeps a county office's menu and hides the city areas from it", () => {
    const county = keys('县');
    expect(county[0]).toBe('dashboard');
    for (const k of [
      'people',
      'regions',
      'contracts',
      'budget',
      'training',
      'progress',
      'reports',
      'audit',
      'settings',
    ])
      expect(county).toContain(k);
    for (const k of ['home', 'intake', 'ledger', 'cityreport', 'verify']) expect(county).not.toContain(k);
  });

  it('shows a city or province office its own areas and the shared ones only', () => {
    const city = ['home', 'intake', 'ledger', 'cityreport', 'verify', 'audit', 'settings'];
    expect(keys('市')).toEqual(city);
    expect(keys('省')).toEqual(city);
    // 收取报表 files reports: a 只读 operator does not see it.
    expect(keys('市', reader)).toEqual(city.filter((k) => k !== 'intake'));
  });

  it("sends a county address in a city office to the city's home, and reads the level from the office", () => {
    expect(resolveScreen(['people'], admin, '市').area.key).toBe('home');
    expect(resolveScreen(['ledger'], admin, '市').area.key).toBe('ledger');
    expect(resolveScreen(['ledger'], admin, '县').area.key).toBe('dashboard');
    expect(levelOf({ level: '省' })).toBe('省');
    expect(levelOf(null)).toBe('县');
    expect(levelOf({ level: 'x' })).toBe('县');
  });
});
