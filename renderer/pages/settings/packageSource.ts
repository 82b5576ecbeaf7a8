// Choosing a data package to open: in the desktop app a native dialog gives its path; in the
// browser the clerk picks the file and it is uploaded as base64, within the upload limit (a
// county's data is a few MB; MAX_PACKAGE_UPLOAD_BYTES in core/schemas/backups.ts says why 14 MB).
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../core/schemas/backups';
import { askOpenPath, fileSize } from '../../api/desktopFiles';
import { fileToBase64 } from '../../api/download';

/** What package.import / setup.importPackage take, and the name to show. */
export type PackageSource = { input: { path: string } | { fileName: string; base64: string }; name: string };

/** Desktop: the native open dialog (null: cancelled). Browser mode: undefined, use a file input. */
export async function pickPackageOnDesktop(): Promise<PackageSource | null | undefined> {
  const picked = await askOpenPath('package', '打开数据包');
  if (picked === undefined) return undefined;
  return picked && { input: { path: picked.path }, name: picked.name };
}

/** A file from a browser's file input, or a message saying why it cannot be used. */
export async function packageFromFile(file: File): Promise<PackageSource | string> {
  if (file.size > MAX_PACKAGE_UPLOAD_BYTES) {
    return `数据包文件过大（${fileSize(file.size)}）：浏览器上传最大 ${fileSize(MAX_PACKAGE_UPLOAD_BYTES)}。请把数据包复制到这台电脑，用 npm run serve -- --data <数据包文件> 直接打开。`;
  }
  return { input: { fileName: file.name, base64: await fileToBase64(file) }, name: file.name };
}
