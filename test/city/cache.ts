// The generated city files are made once per test run and shared by every test file, worker and
// child process of that run: a folder per run (keyed by the process that started the workers, or
// named by CENSUSDESK_CITY_FILES), one entry per thing made, each made by whoever asks first under
// a lock folder and published by an atomic rename; the others wait for it. Folders of runs whose
// process is gone are removed when the next run starts.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'censusdesk-city-';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The parent's start time (Linux), so a reused pid is not taken for the same run. */
function startTime(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
  } catch {
    return '0';
  }
}

let root: string | undefined;

/** This run's folder: CENSUSDESK_CITY_FILES, or one per parent process (vitest's, playwright's, tsx's). */
export function runDir(): string {
  if (root) return root;
  const named = process.env.CENSUSDESK_CITY_FILES;
  if (named) {
    mkdirSync(named, { recursive: true });
    return (root = named);
  }
  for (const name of readdirSync(tmpdir())) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  const dir = join(tmpdir(), `${PREFIX}${process.ppid}-${startTime(process.ppid)}`);
  mkdirSync(dir, { recursive: true });
  return (root = dir);
}

const made = new Map<string, Promise<string>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The folder of entry `name`, made by `make(folder)` if no one has made it in this run. `make`
 * writes into a folder of its own that is renamed into place when it has finished.
 */
export function once(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  let p = made.get(name);
  if (!p) {
    p = makeOnce(name, make);
    made.set(name, p);
    p.catch(() => made.delete(name));
  }
  return p;
}

async function makeOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = runDir();
  const final = join(dir, name);
  const lock = `${final}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(final)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (mine) {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const work = `${final}.tmp-${process.pid}`;
      try {
        rmSync(work, { recursive: true, force: true });
        mkdirSync(work, { recursive: true });
        await make(work);
        renameSync(work, final);
      } finally {
        rmSync(work, { recursive: true, force: true });
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    // Someone else is making it: wait, unless they died (then the lock is theirs to lose).
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      /* the owner has not written its pid yet */
    }
    if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`等待生成 ${name} 超时（${lock}）`);
    await sleep(100);
  }
  return final;
}
