// External links leave the app only as https to an allow-listed host, via shell.openExternal.
import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_HOSTS, isAllowedExternalUrl, openExternalLink } from '../../electron/externalLinks';

describe('external links', () => {
  it('allow https to the listed hosts only', () => {
    expect(EXTERNAL_HOSTS).toContain('www.stats.gov.cn');
    expect(isAllowedExternalUrl('https://www.stats.gov.cn/sj/')).toBe(true);
    for (const url of [
      'http://www.stats.gov.cn/',
      'https://www.stats.gov.cn.evil.example/',
      'https://evil.example/?https://www.stats.gov.cn/',
      'https://user:pw@www.stats.gov.cn/',
      'https://www.stats.gov.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:',
      'javascript:alert(1)',
      'not a url',
      42,
      null,
    ]) {
      expect(isAllowedExternalUrl(url), String(url)).toBe(false);
    }
  });

  it('opens an allowed link in the system browser and refuses the rest without calling it', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    await expect(openExternalLink(shell, 'https://www.mee.gov.cn/')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.mee.gov.cn/');
    await expect(openExternalLink(shell, 'file:///C:/x.exe')).resolves.toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
