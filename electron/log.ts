// A plain-text log in userData/logs for what nobody sees otherwise: uncaught errors in the main
// process, a crashed backend or renderer, refused navigations. One file, rotated once at 1 MB.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'censusdesk.log';

export interface Log {
  file: string;
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));

export function createLog(dir: string, maxBytes = 1024 * 1024, now: () => Date = () => new Date()): Log {
  const file = join(dir, LOG_FILE_NAME);
  const write = (level: string, message: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size > maxBytes) renameSync(file, `${file}.1`);
      appendFileSync(file, `${now().toISOString()} [${level}] ${message}\n`, 'utf8');
    } catch {
      // A log that cannot be written must never take the app down with it.
    }
  };
  return {
    file,
    info: (message) => write('info', message),
    error: (message, error) => write('error', error === undefined ? message : `${message}\n${describe(error)}`),
  };
}

/** Uncaught errors and rejections are logged, then shown by `report` (a dialog in the shell). */
export function logUncaught(proc: Pick<NodeJS.Process, 'on'>, log: Log, report: (message: string) => void): void {
  proc.on('uncaughtException', (e) => {
    log.error('未捕获的异常', e);
    report(describe(e));
  });
  proc.on('unhandledRejection', (e) => log.error('未处理的 Promise 拒绝', e));
}
