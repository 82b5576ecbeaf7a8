// electron-builder: the Windows installer (NSIS, per user, no admin rights, in Simplified Chinese).
//   npm run dist        → out/installer/CensusDesk-Setup-<version>-x64.exe (needs network or mirrors)
//   test/build/         → validates this file and packages `--win --dir` against a stub Electron
// appId and productName repeat electron/appIdentity.ts; test/build checks that they agree.
/* global module, require */

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.censusdesk.workbench',
  productName: '普查办工作台',
  // ASCII names for what lands on disk: the .exe, the install folder, the installer file.
  executableName: 'CensusDesk',
  copyright: 'Copyright © CensusDesk',
  // The bundles are CommonJS (.cjs); package.json itself needs no "main" for packaging.
  extraMetadata: { main: 'dist/electron/main.cjs', author: { name: 'CensusDesk' } },
  directories: { output: 'out/installer', buildResources: 'build' },

  // Only the bundles, the built renderer and the one native module; everything else the app uses is
  // inside the bundles (esbuild for the shell and backend, vite for the renderer).
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    // Sources, tests and maps never ship, even if a build leaves one in dist/.
    '!**/*.{map,ts,tsx,mts,cts}',
    '!**/*.test.*',
    '!**/{test,tests,__tests__}/**',
    '!node_modules/**',
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/LICENSE',
    'node_modules/better-sqlite3/lib/**',
    // The one prebuilt binary Windows x64 loads; other platforms' binaries, C++ sources and SQLite's
    // amalgamation stay out.
    'node_modules/better-sqlite3/prebuilds/win32-x64.node',
  ],
  // A native module cannot be loaded from inside an asar archive, nor a worker thread's entry file.
  asar: true,
  asarUnpack: ['node_modules/better-sqlite3/**', 'dist/electron/*.mjs'],
  // The unpacked files are outside the asar integrity check: their SHA-256 go into a manifest inside
  // app.asar before packing, checked against the packed result after, and by the main process
  // before the backend starts (build/unpackedIntegrity.mjs, electron/nativeIntegrity.ts).
  beforePack: require.resolve('./unpackedIntegrity.mjs'),
  afterPack: require.resolve('./unpackedIntegrity.mjs'),
  // better-sqlite3 is Node-API with prebuilt binaries: nothing to rebuild, nothing to compile.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronLanguages: ['zh-CN', 'en-US'],
  // Electron fuses, flipped in CensusDesk.exe by electron-builder (its bundled @electron/fuses) after
  // packing and right before signing: the installed program cannot be turned into a plain Node
  // (ELECTRON_RUN_AS_NODE), take code through NODE_OPTIONS or --inspect, or run an app.asar that was
  // edited (its hash is in the .exe) or an app folder put beside it. Every fuse is set explicitly.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Not used by the app (no cookies, no file:// pages, no custom snapshot): the safe setting.
    enableCookieEncryption: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  compression: 'normal',

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    // Icon and version info are written into the .exe in JavaScript (resedit); code signing only
    // happens if a certificate is configured (CSC_LINK / WIN_CSC_LINK).
    signAndEditExecutable: true,
    requestedExecutionLevel: 'asInvoker',
  },

  nsis: {
    // An assisted installer, installed for the current user only: no UAC prompt, no admin rights.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    multiLanguageInstaller: false,
    unicode: true,
    shortcutName: '普查办工作台',
    uninstallDisplayName: '普查办工作台',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    runAfterFinish: true,
    // The data (%APPDATA%\CensusDesk) stays when the program is uninstalled.
    deleteAppDataOnUninstall: false,
    artifactName: 'CensusDesk-Setup-${version}-${arch}.${ext}',
  },
};
