// `npm start`: launch the desktop app where Electron's binary can be had; otherwise say so in one line.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';

const require = createRequire(import.meta.url);
let binary = null;
try {
  const path = require('electron'); // the electron package exports the binary's path, if it was downloaded
  if (typeof path === 'string' && existsSync(path)) binary = path;
} catch {
  binary = null;
}
if (!binary) {
  console.log('本机无法获取 Electron 程序文件，桌面版无法启动；请改用浏览器模式：npm run serve');
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
