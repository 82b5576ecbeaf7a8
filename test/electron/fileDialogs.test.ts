// Native save/open dialogs: Chinese filters chosen by kind, names without folders, the last folder
// remembered, content written only after the user picked a path.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { createFileDialogs } from '../../electron/fileDialogs';
import { MAX_SAVE_BYTES, parseOpenFileRequest, parseSaveFileRequest, safeFileName } from '../../electron/shellRequests';

function setup() {
  const dialog = {
    showSaveDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: false, filePath: join('D:', '导出', '合同.xlsx') })),
    showOpenDialog: vi.fn(async (..._a: unknown[]) => ({
      canceled: false,
      filePaths: [join('E:', 'U盘', '花名册.xls')],
    })),
  };
  const writeFile = vi.fn(async () => undefined);
  const files = createFileDialogs({
    dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
    writeFile,
    defaultDir: () => 'C:/Users/clerk/Documents',
  });
  const win = {} as BrowserWindow;
  const options = (m: { mock: { calls: unknown[][] } }) => m.mock.calls.at(-1)![1] as Record<string, unknown>;
  return { dialog, writeFile, files, win, options };
}

describe('save dialog', () => {
  it('offers the kind’s Chinese filter and the suggested name in Documents, attached to the window', async () => {
    const { files, dialog, win, options } = setup();
    await expect(files.saveFile(win, { kind: 'excel', defaultName: '合同.xlsx' })).resolves.toEqual({
      path: join('D:', '导出', '合同.xlsx'),
    });
    expect(dialog.showSaveDialog.mock.calls[0][0]).toBe(win);
    expect(options(dialog.showSaveDialog)).toMatchObject({
      title: '保存文件',
      buttonLabel: '保存',
      defaultPath: join('C:/Users/clerk/Documents', '合同.xlsx'),
      filters: [{ name: 'Excel 文件', extensions: ['xlsx'] }],
    });
    await files.saveFile(win, { kind: 'csv', defaultName: 'a.csv' });
    expect(options(dialog.showSaveDialog).filters).toEqual([{ name: 'CSV 文件', extensions: ['csv'] }]);
    // A data package is saved as .cdpkg (not .db, which would give 数据包.cdpkg.db) and opens as .cdpkg or a backup .db.
    await files.saveFile(win, { kind: 'package', defaultName: '蓬安县_数据包.cdpkg' });
    expect(options(dialog.showSaveDialog).filters).toEqual([{ name: '普查办工作台数据包', extensions: ['cdpkg'] }]);
    await files.openFile(win, { kinds: ['package'] });
    expect((options(dialog.showOpenDialog).filters as unknown[])[0]).toEqual({
      name: '普查办工作台数据包',
      extensions: ['cdpkg', 'db'],
    });
  });

  it('writes content only after the user chose where, and opens next time in that folder', async () => {
    const { files, dialog, writeFile, win, options } = setup();
    await files.saveFile(win, { kind: 'csv', defaultName: 'a.csv', data: '序号,姓名\n' });
    expect(writeFile).toHaveBeenCalledWith(join('D:', '导出', '合同.xlsx'), '序号,姓名\n');
    await files.saveFile(win, { kind: 'csv', defaultName: 'b.csv' });
    expect(options(dialog.showSaveDialog).defaultPath).toBe(join('D:', '导出', 'b.csv'));
  });

  it('returns null and writes nothing when cancelled', async () => {
    const { files, dialog, writeFile, win } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(files.saveFile(win, { kind: 'csv', defaultName: 'a.csv', data: 'x' })).resolves.toBeNull();
    expect(writeFile).not.toHaveBeenCalled();
  });
});

describe('open dialog', () => {
  it('offers Excel (*.xlsx;*.xls), CSV and all files, and returns the path with its name', async () => {
    const { files, dialog, win, options } = setup();
    await expect(files.openFile(win, { kinds: ['excel', 'csv', 'excel'] })).resolves.toEqual({
      path: join('E:', 'U盘', '花名册.xls'),
      name: '花名册.xls',
    });
    expect(options(dialog.showOpenDialog)).toMatchObject({
      title: '打开文件',
      buttonLabel: '打开',
      properties: ['openFile'],
      filters: [
        { name: 'Excel 文件', extensions: ['xlsx', 'xls'] },
        { name: 'CSV 文件', extensions: ['csv'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
  });

  it('returns null when cancelled', async () => {
    const { files, dialog, win } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(files.openFile(win, { kinds: ['excel'] })).resolves.toBeNull();
  });
});

describe('requests from the page', () => {
  it('keep the file name only, made safe for Windows', () => {
    expect(safeFileName('C:\\Windows\\System32\\合同.xlsx')).toBe('合同.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a:b*c?.xlsx')).toBe('a_b_c_.xlsx');
    expect(safeFileName('..')).toBe('未命名');
    expect(safeFileName('   ')).toBe('未命名');
  });

  it('accept only known kinds and fields, and content up to the limit', () => {
    expect(parseSaveFileRequest({ kind: 'excel', defaultName: 'x/合同.xlsx' })).toEqual({
      kind: 'excel',
      defaultName: '合同.xlsx',
    });
    expect(() => parseSaveFileRequest({ kind: 'excel', defaultName: 'a', path: 'C:/x' })).toThrow();
    expect(() => parseSaveFileRequest({ kind: 'bat', defaultName: 'a' })).toThrow();
    expect(() => parseSaveFileRequest({ kind: 'csv', defaultName: 'a', data: 42 })).toThrow();
    expect(parseSaveFileRequest({ kind: 'csv', defaultName: 'a', data: new Uint8Array(3) }).data).toEqual(
      new Uint8Array(3),
    );
    expect(() =>
      parseSaveFileRequest({ kind: 'csv', defaultName: 'a', data: new Uint8Array(MAX_SAVE_BYTES + 1) }),
    ).toThrow();
    expect(() => parseOpenFileRequest({ kinds: ['excel'], multi: true })).toThrow();
    expect(() => parseOpenFileRequest(null)).toThrow();
  });
});
