// Where the desktop app keeps its files, the log of uncaught errors, and the about box.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shellPaths } from '../../electron/paths';
import { createLog, LOG_FILE_NAME, logUncaught } from '../../electron/log';
import { aboutText } from '../../electron/about';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'censusdesk-log-'));
  dirs.push(d);
  return d;
};

describe('paths', () => {
  it('keep data and logs under appData\\CensusDesk, backups in a sibling of the data folder', () => {
    const appData = join('C:', 'Users', '张三', 'AppData', 'Roaming');
    expect(shellPaths(appData)).toEqual({
      userData: join(appData, 'CensusDesk'),
      dataPath: join(appData, 'CensusDesk', 'data', 'censusdesk.db'),
      defaultBackupDir: join(appData, 'CensusDesk', 'CensusDesk备份'),
      logDir: join(appData, 'CensusDesk', 'logs'),
    });
  });
});

describe('log', () => {
  it('appends timestamped lines with stacks, creating the folder', () => {
    const dir = join(temp(), 'logs');
    const log = createLog(dir, 1024, () => new Date('2026-03-01T08:00:00Z'));
    log.info('已启动');
    log.error('未捕获的异常', new Error('boom'));
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toMatch(
      /^2026-03-01T08:00:00.000Z \[info\] 已启动\n2026-03-01T08:00:00.000Z \[error\] 未捕获的异常\nError: boom\n\s+at /,
    );
  });

  it('rotates once the file passes its size limit', () => {
    const dir = temp();
    writeFileSync(join(dir, LOG_FILE_NAME), 'x'.repeat(200));
    createLog(dir, 100).info('新的一行');
    expect(readFileSync(join(dir, `${LOG_FILE_NAME}.1`), 'utf8')).toBe('x'.repeat(200));
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toContain('新的一行');
  });

  it('never throws when it cannot write', () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, '');
    expect(() => createLog(join(file, 'logs')).error('x', new Error('y'))).not.toThrow();
  });

  it('records uncaught exceptions and rejections and reports the exception', () => {
    const dir = temp();
    const proc = new EventEmitter();
    const report = vi.fn();
    logUncaught(proc as unknown as NodeJS.Process, createLog(dir), report);
    proc.emit('uncaughtException', new Error('崩溃了'));
    proc.emit('unhandledRejection', new Error('没人接'));
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('未捕获的异常\nError: 崩溃了');
    expect(text).toContain('未处理的 Promise 拒绝\nError: 没人接');
    expect(report).toHaveBeenCalledWith(expect.stringContaining('崩溃了'));
    expect(existsSync(join(dir, `${LOG_FILE_NAME}.1`))).toBe(false);
  });
});

describe('about box', () => {
  it('shows the version and where the data is', () => {
    const t = aboutText({
      name: '普查办工作台',
      version: '0.1.0',
      dataPath: 'C:\\Users\\张三\\AppData\\Roaming\\CensusDesk\\data\\censusdesk.db',
      backupDir: 'D:\\备份',
      defaultBackupDir: 'C:\\…\\CensusDesk备份',
      logDir: 'C:\\…\\logs',
      electronVersion: '45.3.4',
      chromeVersion: '142.0',
      platform: 'win32',
    });
    expect(t.message).toBe('普查办工作台  版本 0.1.0');
    expect(t.detail).toContain('数据文件：C:\\Users\\张三\\AppData\\Roaming\\CensusDesk\\data\\censusdesk.db');
    expect(t.detail).toContain('备份文件夹：D:\\备份');
    expect(t.detail).toContain('Electron 45.3.4');
  });
});
