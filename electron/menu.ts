// The application menu, in Chinese: 文件 / 编辑 / 视图 / 帮助. Roles give the standard behaviour;
// the labels are ours because Electron's own are English.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  print(): void;
  exportPdf(): void;
  openDataFolder(): void;
  openLogFolder(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, opts: { devTools: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    { type: 'separator' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { label: '导出PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.exportPdf() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '打开日志文件夹', click: () => actions.openLogFolder() },
        { type: 'separator' },
        { label: '关于普查办工作台', click: () => actions.about() },
      ],
    },
  ];
}
