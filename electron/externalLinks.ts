// The only way out to the web: https links to a short list of official hosts, opened in the
// system browser when the page asks through the preload. Nothing else leaves the app.
import type { Shell } from 'electron';

export const EXTERNAL_HOSTS: readonly string[] = [
  'www.stats.gov.cn', // 国家统计局
  'www.mee.gov.cn', // 生态环境部
  'www.gov.cn', // 中国政府网
];

export function isAllowedExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2000) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HOSTS.includes(url.hostname)
  );
}

/** true if the link was handed to the system browser. */
export async function openExternalLink(shell: Pick<Shell, 'openExternal'>, raw: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await shell.openExternal(new URL(raw).href);
  return true;
}
