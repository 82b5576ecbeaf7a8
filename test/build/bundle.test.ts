// The esbuild bundles of the shell: what each may require, and the backend's bundle actually
// running under plain Node with a stand-in for Electron's parentPort.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, IMPORT_META_URL_SHIM } from '../../scripts/build-electron.mjs';
import type { FromBackend, ToBackend } from '../../electron/backendProtocol';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;
let out: string;

const requires = (file: string) =>
  [...readFileSync(join(out, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'censusdesk-bundle-'));
  out = (await buildElectron(join(work, 'electron'))).outdir;
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shell bundles', () => {
  it('are CommonJS files beside each other, with the window icon', () => {
    for (const f of ['main.cjs', 'preload.cjs', 'backendProcess.cjs', 'icon.png'])
      expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('the preload requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(new Set(requires('preload.cjs'))).toEqual(new Set(['electron']));
  });

  it('the main process never loads SQLite; only the backend process does', () => {
    expect(requires('main.cjs')).not.toContain('better-sqlite3');
    expect(requires('main.cjs').every((m) => m === 'electron' || m.startsWith('node:'))).toBe(true);
    expect(requires('backendProcess.cjs')).toContain('better-sqlite3');
    expect(requires('backendProcess.cjs')).not.toContain('electron');
  });

  it('every file the backend loads by URL from beside itself is there', () => {
    const text = readFileSync(join(out, 'backendProcess.cjs'), 'utf8');
    for (const m of text.matchAll(/new URL\("\.\/([^"]+)", __bundleUrl\)/g))
      expect(existsSync(join(out, m[1])), m[1]).toBe(true);
  });

  it('points import.meta.url of the bundle at app.asar.unpacked, where the workers ship', () => {
    const urlFor = (filename: string) =>
      new Function('require', '__filename', `${IMPORT_META_URL_SHIM} return __bundleUrl;`)(
        createRequire(import.meta.url),
        filename,
      ) as string;
    const packed = '/opt/CensusDesk/resources/app.asar/dist/electron/backendProcess.cjs';
    expect(urlFor(packed)).toBe(
      pathToFileURL('/opt/CensusDesk/resources/app.asar.unpacked/dist/electron/backendProcess.cjs').href,
    );
    expect(urlFor('/work/dist/electron/backendProcess.cjs')).toBe(
      pathToFileURL('/work/dist/electron/backendProcess.cjs').href,
    );
  });
});

describe('backendProcess.cjs under plain Node', () => {
  it('opens the data file given by --data, answers a call and closes on request', async () => {
    const harness = join(work, 'harness.cjs');
    // Electron gives a utility process `process.parentPort`; here it is relayed over Node's IPC.
    writeFileSync(
      harness,
      `const { EventEmitter } = require('node:events');
       const port = new EventEmitter();
       port.postMessage = (m) => process.send(m);
       process.on('message', (data) => port.emit('message', { data }));
       process.parentPort = port;
       require(${JSON.stringify(join(out, 'backendProcess.cjs'))});`,
    );
    const dataPath = join(work, 'data', 'censusdesk.db');
    const child = fork(harness, ['--data', dataPath], {
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
      stdio: 'pipe',
    });
    const messages: FromBackend[] = [];
    const next = (type: FromBackend['type']) =>
      new Promise<FromBackend>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${type} message; got ${JSON.stringify(messages)}`)), 20_000);
        const check = (m: FromBackend) => {
          messages.push(m);
          if (m.type === type) {
            clearTimeout(timer);
            child.off('message', check);
            done(m);
          }
        };
        child.on('message', check);
      });
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    const send = (m: ToBackend) => child.send(m);

    expect(await next('ready')).toEqual({ type: 'ready', dataPath });
    const answer = next('result');
    send({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
    expect(await answer).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false } },
    });
    send({ type: 'close' });
    expect(await exited).toBe(0);
    expect(existsSync(dataPath)).toBe(true);
    expect(existsSync(`${dataPath}-wal`)).toBe(false); // closed cleanly: the WAL is merged
  }, 30_000);
});
