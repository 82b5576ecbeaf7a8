// Choosing a data package to open: in the desktop app a native dialog gives its path; in the
// browser the clerk picks the file, which is uploaded (as bytes, api/download.ts) only when it is
// opened, within the upload limit (a county's data is a few MB; MAX_PACKAGE_UPLOAD_BYTES in
// core/schemas/backups.ts says why 14 MB).
import type { OutputOf, Result } from '../../../core/api';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../core/schemas/backups';
import { call } from '../../api/call';
import { askOpenPath, fileSize } from '../../api/desktopFiles';
import { fileContent } from '../../api/download';

/** A chosen package: its path on this computer (desktop), or the file picked in the browser; and the name to show. */
export type PackageSource = { path: string; name: string } | { file: File; name: string };

/** Desktop: the native open dialog (null: cancelled). Browser mode: undefined, use a file input. */
export async function pickPackageOnDesktop(): Promise<PackageSource | null | undefined> {
  const picked = await askOpenPath('package', '打开数据包');
  if (picked === undefined) return undefined;
  return picked && { path: picked.path, name: picked.name };
}

/** A file from a browser's file input, or a message saying why it cannot be used. */
export function packageFromFile(file: File): PackageSource | string {
  if (file.size > MAX_PACKAGE_UPLOAD_BYTES) {
    return `数据包文件过大（${fileSize(file.size)}）：浏览器上传最大 ${fileSize(MAX_PACKAGE_UPLOAD_BYTES)}。请把数据包复制到这台电脑，用 npm run serve -- --data <数据包文件> 直接打开。`;
  }
  return { file, name: file.name };
}

/**
 * package.import or setup.importPackage with the chosen package (a browser's file is uploaded now),
 * and its 恢复码 once the backend asked for one.
 */
export async function openPackage(
  method: 'package.import' | 'setup.importPackage',
  source: PackageSource,
  code: { recoveryCode?: string } = {},
): Promise<Result<OutputOf<'package.import'>>> {
  if ('path' in source) return call(method, { path: source.path, ...code });
  const content = await fileContent(source.file);
  if (!content.ok) return content;
  return call(method, { fileName: source.file.name, base64: content.data, ...code });
}
