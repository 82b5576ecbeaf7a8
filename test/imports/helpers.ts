// Shared setup for the import tests: a county with the townships the fixtures name, and a way
// to send a file through upload and preview exactly as the UI does.
import { readFileSync } from 'node:fs';
import { tempBackend, type TestBackend } from '../helpers/backend';
import type { InputOf, OutputOf } from '../../core/api';

export const FIXTURES = new URL('../fixtures/', import.meta.url);
export const OWN_FIXTURES = new URL('./fixtures/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** The townships the roster fixtures' 乡镇 column names (codes fictional, kinds right). */
export const TOWNSHIPS: [string, string][] = [
  ['511323001', '相如街道'],
  ['511323100', '锦屏镇'],
  ['511323101', '巨龙镇'],
  ['511323102', '周口镇'],
  ['511323103', '罗家镇'],
  ['511323104', '河舒镇'],
  ['511323105', '利溪镇'],
  ['511323106', '龙云镇'],
  ['511323107', '睦坝镇'],
  ['511323200', '金溪乡'],
];

export async function countyBackend(opts: { townships?: boolean } = {}): Promise<TestBackend> {
  const b = tempBackend();
  await b.ok('office.save', {
    countyName: '蓬安县',
    countyCode: '511323',
    cityName: '南充市',
    cityCode: '5113',
    unitName: '蓬安县污普办',
  });
  if (opts.townships !== false) for (const [code, name] of TOWNSHIPS) await b.ok('township.create', { code, name });
  return b;
}

export type Preview = OutputOf<'import.preview'>;

export async function upload(
  b: TestBackend,
  kind: InputOf<'import.upload'>['kind'],
  fileName: string,
  bytes: Uint8Array,
  extra: { trainingId?: number } = {},
) {
  return b.ok('import.upload', { kind, fileName, contentBase64: Buffer.from(bytes).toString('base64'), ...extra });
}

export async function preview(
  b: TestBackend,
  kind: InputOf<'import.upload'>['kind'],
  fileName: string,
  bytes: Uint8Array,
  opts: Omit<InputOf<'import.preview'>, 'importId'> & { trainingId?: number } = {},
): Promise<Preview> {
  const { trainingId, ...rest } = opts;
  const up = await upload(b, kind, fileName, bytes, trainingId ? { trainingId } : {});
  return b.ok('import.preview', { importId: up.importId, pageSize: 1000, ...rest });
}
