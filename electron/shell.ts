// The desktop shell, wired together: runs in the main process (main.ts calls startShell), keeps
// the window, the menu and the channels, and leaves all data work to the backend's utility process.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron';
import type { Operator } from '../backend/context';
import { showAbout } from './about';
import { APP_ID, APP_NAME } from './appIdentity';
import { createBackendClient, type BackendChild } from './backendClient';
import { APP_START_URL, isTrustedAppUrl } from './channel';
import { registerIpc } from './ipc';
import { createLog, logUncaught } from './log';
import { menuTemplate } from './menu';
import { verifyUnpackedFiles } from './nativeIntegrity';
import { shellPaths } from './paths';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createShellActions } from './shellActions';
import { FileHandles } from './fileHandles';
import { loadRecoveryCode, saveRecoveryCode } from './keyStore';
import { registerShellIpc } from './shellIpc';
import { safeFileName } from './shellRequests';
import { claimSingleInstance } from './singleInstance';
import { createStartupFailureHandler } from './startupDialog';
import { createMainWindow } from './window';

export interface ShellLayout {
  /** dist/electron: main.cjs, preload.cjs, backendProcess.cjs, icon.png. */
  bundleDir: string;
  /** dist/renderer: the built UI served as app://censusdesk/. */
  rendererDir: string;
}

export function startShell(layout: ShellLayout): { started: boolean } {
  // Both must happen before 'ready'.
  registerAppScheme(protocol);
  const paths = shellPaths(app.getPath('appData'));
  app.setPath('userData', paths.userData);
  app.setName(APP_NAME);
  app.setAppUserModelId(APP_ID);

  const log = createLog(paths.logDir);
  logUncaught(process, log, (message) =>
    dialog.showErrorBox(`${APP_NAME}出错`, `${message}\n\n详细信息已记入日志：${log.file}`),
  );

  let mainWindow: BrowserWindow | null = null;
  if (!claimSingleInstance(app, () => mainWindow)) return { started: false };
  // The unpacked SQLite binary and workers are outside the asar check: compared before anything runs them.
  if (!verifyUnpackedFiles({ app, dialog, log, bundleDir: layout.bundleDir })) return { started: false };

  const devTools = !app.isPackaged;
  const backend = createBackendClient({
    log,
    // A data file that will not open: say why, offer the latest good backup or 退出.
    onFailed: createStartupFailureHandler({
      dialog,
      log,
      restore: (backupPath) => backend.restoreAtStartup(backupPath),
      reload: () => void mainWindow?.loadURL(APP_START_URL),
      quit: () => app.quit(),
    }),
    // The 恢复码 kept with safeStorage opens an encrypted data file without asking at each start.
    recoveryCode: () => loadRecoveryCode(paths.dataPath),
    onRecoveryCode: (code) => {
      if (saveRecoveryCode(paths.dataPath, code)) log.info('恢复码已加密保存在本机');
      else log.info('本机无法安全保存恢复码（系统加密不可用），每次启动时需输入恢复码');
    },
    spawn: () => {
      const child = utilityProcess.fork(join(layout.bundleDir, 'backendProcess.cjs'), ['--data', paths.dataPath], {
        serviceName: `${APP_NAME}后台`,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (chunk: Buffer) => log.error(`[后台] ${chunk.toString('utf8').trimEnd()}`));
      return child as unknown as BackendChild;
    },
  });

  const operators = new Map<number, Operator>();
  // The dialogs' answers, handed to the page as one-time handles that only the API channel resolves.
  const handles = new FileHandles();
  const actions = createShellActions({
    handles,
    paths,
    version: app.getVersion(),
    documentsDir: () => app.getPath('documents'),
  });
  const openFolder = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    void shell.openPath(dir);
  };
  const printMain = (target: 'printer' | 'pdf') => {
    const contents = mainWindow?.webContents;
    if (!contents) return;
    void actions.printFrom(contents, { target, defaultName: safeFileName(`${contents.getTitle()}.pdf`) }).then((r) => {
      if (!r.ok && !r.cancelled) dialog.showErrorBox(APP_NAME, r.message);
    });
  };

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (what, url) => log.info(`已阻止 ${what}：${url}`)),
  );
  app.on('render-process-gone', (_event, _contents, details) =>
    log.error(`界面进程异常结束：${details.reason}（${details.exitCode}）`),
  );
  app.on('child-process-gone', (_event, details) =>
    log.error(`子进程异常结束：${details.type} ${details.reason}（${details.exitCode}）`),
  );

  // Quitting waits for the backend to close the database (a WAL checkpoint), once.
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= backend.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      serveAppProtocol(protocol, layout.rendererDir);
      registerIpc({
        ipcMain,
        dispatch: backend.dispatch,
        isTrustedUrl: isTrustedAppUrl,
        files: handles,
        getOperator: (event) => operators.get(event.sender.id) ?? null,
        setOperator: (event, operator) =>
          operator ? operators.set(event.sender.id, operator) : operators.delete(event.sender.id),
      });
      registerShellIpc({ ipcMain, isTrustedUrl: isTrustedAppUrl, actions });
      const menu = menuTemplate(
        {
          print: () => printMain('printer'),
          exportPdf: () => printMain('pdf'),
          openDataFolder: () => openFolder(dirname(paths.dataPath)),
          openLogFolder: () => openFolder(paths.logDir),
          about: () => void showAbout(dialog, mainWindow, actions.appInfo()),
        },
        { devTools },
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
      backend.start();
      mainWindow = createMainWindow(BrowserWindow, {
        preload: join(layout.bundleDir, 'preload.cjs'),
        devTools,
        icon: join(layout.bundleDir, 'icon.png'),
      });
      const id = mainWindow.webContents.id;
      mainWindow.on('closed', () => {
        operators.delete(id);
        mainWindow = null;
      });
      log.info(`${APP_NAME} ${app.getVersion()} 已启动`);
    })
    .catch((e: unknown) => {
      log.error('启动失败', e);
      dialog.showErrorBox(APP_NAME, `启动失败：${(e as Error).message}\n\n详细信息已记入日志：${log.file}`);
      app.exit(1);
    });
  return { started: true };
}
