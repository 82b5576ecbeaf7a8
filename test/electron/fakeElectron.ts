// A stand-in for the 'electron' module (which cannot load here): records what the shell asks of it
// and lets a test fire the events Electron would. Use it with
//   vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
// and call resetFakeElectron() before each test; the objects keep their identity across resets.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** An EventEmitter that also lets a test see who listens, and fire once-listeners too. */
class Emitter extends EventEmitter {}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn(
    (h: (details: { url: string }) => { action: string }) => void (this.windowOpenHandler = h),
  );
  getTitle = vi.fn(() => '合同跟踪表');
  print = vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, ''));
  printToPDF = vi.fn(async (_options: unknown) => new Uint8Array([37, 80, 68, 70]));
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents = vi.fn(
    (contents: FakeWebContents) => FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
  );
  webContents = new FakeWebContents();
  minimized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  isMinimized = vi.fn(() => this.minimized);
  restore = vi.fn(() => void (this.minimized = false));
  show = vi.fn();
  focus = vi.fn();
  maximize = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export class FakeUtilityProcess extends Emitter {
  static instances: FakeUtilityProcess[] = [];
  posted: unknown[] = [];
  stderr = new Emitter();
  postMessage = vi.fn((m: unknown) => void this.posted.push(m));
  kill = vi.fn(() => true);
  constructor(
    public modulePath: string,
    public args: string[],
    public options: Record<string, unknown>,
  ) {
    super();
    FakeUtilityProcess.instances.push(this);
  }
}

const SAFE_PREFIX = Buffer.from('v10');
const appEvents = new Emitter();
const handlers = new Map<string, Listener>();
let ready: () => void = () => undefined;
let readyPromise = Promise.resolve();

export const fakeElectron = {
  app: {
    isPackaged: false,
    paths: {} as Record<string, string>,
    gotLock: true,
    on: vi.fn((event: string, listener: Listener) => appEvents.on(event, listener)),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    listenerCount: (event: string) => appEvents.listenerCount(event),
    requestSingleInstanceLock: vi.fn(() => fakeElectron.app.gotLock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => readyPromise),
    getPath: vi.fn((name: string) => fakeElectron.app.paths[name] ?? `/fake/${name}`),
    setPath: vi.fn((name: string, value: string) => void (fakeElectron.app.paths[name] = value)),
    setName: vi.fn(),
    setAppUserModelId: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
  },
  BrowserWindow: FakeBrowserWindow,
  dialog: {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  },
  ipcMain: {
    handlers,
    handle: vi.fn((channel: string, fn: Listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    on: vi.fn(),
  },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  },
  /**
   * Stands in for the OS's encryption: reversible only with this fake's prefix, and the text is
   * stored XOR-ed so a test can check the clear text is not in the bytes.
   */
  safeStorage: {
    available: true,
    isEncryptionAvailable: vi.fn(() => fakeElectron.safeStorage.available),
    encryptString: vi.fn((text: string) => {
      if (!fakeElectron.safeStorage.available) throw new Error('Encryption is not available.');
      return Buffer.concat([SAFE_PREFIX, Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
    }),
    decryptString: vi.fn((bytes: Buffer) => {
      if (!fakeElectron.safeStorage.available) throw new Error('Encryption is not available.');
      if (!bytes.subarray(0, SAFE_PREFIX.length).equals(SAFE_PREFIX))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(bytes.subarray(SAFE_PREFIX.length).map((b) => b ^ 0x5a)).toString('utf8');
    }),
  },
  shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
  utilityProcess: {
    fork: vi.fn(
      (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) =>
        new FakeUtilityProcess(modulePath, args, options),
    ),
  },
  /** Resolves app.whenReady() (the shell does its work after 'ready'). */
  makeReady: async () => {
    ready();
    await readyPromise;
    // Let the .then() of whenReady run.
    await new Promise((r) => setImmediate(r));
  },
};

export function resetFakeElectron(opts: { gotLock?: boolean; appData?: string } = {}): void {
  vi.clearAllMocks();
  appEvents.removeAllListeners();
  handlers.clear();
  FakeBrowserWindow.instances.length = 0;
  FakeUtilityProcess.instances.length = 0;
  fakeElectron.app.gotLock = opts.gotLock ?? true;
  fakeElectron.safeStorage.available = true;
  fakeElectron.app.paths = { appData: opts.appData ?? '/fake/appData', documents: '/fake/documents' };
  readyPromise = new Promise<void>((r) => (ready = r));
}

/**
 * Each test of the started shell gets a fresh fake Electron with its own appData folder, and the
 * process keeps its own uncaughtException/unhandledRejection handlers (startShell installs
 * loggers for them). Returns the current test's appData folder.
 */
export function shellTestEnvironment(prefix: string): () => string {
  let appData = '';
  beforeEach(() => {
    appData = mkdtempSync(join(tmpdir(), prefix));
    resetFakeElectron({ appData });
    const on = process.on.bind(process);
    vi.spyOn(process, 'on').mockImplementation(((event: string, listener: (...a: unknown[]) => void) =>
      event === 'uncaughtException' || event === 'unhandledRejection'
        ? process
        : on(event, listener)) as typeof process.on);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(appData, { recursive: true, force: true });
  });
  return () => appData;
}
