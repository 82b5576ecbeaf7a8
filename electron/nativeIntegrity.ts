// The files unpacked beside app.asar — the SQLite binary (better-sqlite3's win32-x64.node), the
// JavaScript that loads it and the worker scripts — are outside Electron's asar integrity check, so
// a program running as the clerk could replace them and have its code run with the data's key. The
// build writes their SHA-256 into a manifest inside app.asar (build/unpackedIntegrity.mjs), which
// the integrity check does cover; before the backend starts, the main process hashes the files and
// refuses to start, in Chinese, if any differs or is missing. Only a packaged app checks: a
// development run has no archive.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App, Dialog } from 'electron';
import { APP_NAME } from './appIdentity';
import type { Log } from './log';

/** The manifest's name beside the bundles (dist/electron), inside app.asar. */
export const UNPACKED_MANIFEST = 'unpacked-integrity.json';

export interface UnpackedManifest {
  version: 1;
  algorithm: 'sha256';
  /** Path relative to the app folder (forward slashes) → lowercase hex SHA-256. */
  files: Record<string, string>;
}

/** app.asar.unpacked, from the bundles' folder (<resources>/app.asar/dist/electron). */
export const unpackedDirOf = (bundleDir: string) => `${resolve(bundleDir, '..', '..')}.unpacked`;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function readManifest(bundleDir: string): UnpackedManifest | null {
  try {
    const m = JSON.parse(readFileSync(join(bundleDir, UNPACKED_MANIFEST), 'utf8')) as UnpackedManifest;
    return m && m.algorithm === 'sha256' && m.files && typeof m.files === 'object' ? m : null;
  } catch {
    return null;
  }
}

/** What is wrong with the unpacked files, one line each in Chinese; empty when all match. */
export function unpackedProblems(bundleDir: string): string[] {
  const manifest = readManifest(bundleDir);
  if (!manifest || !Object.keys(manifest.files).length)
    return [`程序内的文件校验清单（${UNPACKED_MANIFEST}）缺失或无法读取`];
  const dir = unpackedDirOf(bundleDir);
  const problems: string[] = [];
  for (const [rel, hash] of Object.entries(manifest.files)) {
    const path = join(dir, ...rel.split('/'));
    if (!existsSync(path)) problems.push(`${rel}（文件缺失）`);
    else if (sha256(path) !== hash.toLowerCase()) problems.push(`${rel}（内容与安装时不一致）`);
  }
  return problems;
}

export function tamperedMessage(problems: string[]): string {
  return (
    `${APP_NAME}的程序文件已被修改或损坏，为保护数据，程序没有启动，也没有打开数据文件。\n\n` +
    `与安装时不一致的文件：\n${problems.map((p) => `  · ${p}`).join('\n')}\n\n` +
    `请重新运行${APP_NAME}安装程序修复后再使用（数据文件不受影响）。如修复后再次出现，请联系技术人员检查这台电脑是否感染病毒。`
  );
}

export interface IntegrityDeps {
  app: Pick<App, 'isPackaged' | 'exit'>;
  dialog: Pick<Dialog, 'showErrorBox'>;
  log: Pick<Log, 'error'>;
  bundleDir: string;
}

/**
 * Before the backend starts: true when the program may go on. A packaged app whose unpacked files
 * differ from the manifest says so (a dialog usable before 'ready'), logs it and exits.
 */
export function verifyUnpackedFiles(deps: IntegrityDeps): boolean {
  if (!deps.app.isPackaged) return true;
  let problems: string[];
  try {
    problems = unpackedProblems(deps.bundleDir);
  } catch (e) {
    problems = [`校验时出错：${(e as Error).message}`];
  }
  if (!problems.length) return true;
  deps.log.error(`程序文件校验未通过，拒绝启动：${problems.join('；')}`);
  deps.dialog.showErrorBox(`${APP_NAME}无法启动`, tamperedMessage(problems));
  deps.app.exit(1);
  return false;
}
