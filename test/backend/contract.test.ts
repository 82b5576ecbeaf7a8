// Generated from the contract, so a new method is covered the day it is added: bad input to any
// method is refused with a Chinese message and leaves the data and the audit log as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../core/api';
import { handlers } from '../../backend/handlers';
import { tempBackend, type TestBackend } from '../helpers/backend';

let b: TestBackend;
let before: Record<string, number>;
beforeAll(() => {
  b = tempBackend();
  before = b.snapshot();
});
afterAll(() => b.dispose());

const names = Object.keys(api);
/** Methods that address one record by id: get / update / delete and their kin. */
const byId = names.filter((n) => {
  const input = (api as Record<string, { input: unknown }>)[n].input;
  return /\.(get|update|delete)$/.test(n) && input instanceof z.ZodObject && 'id' in input.shape;
});
const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

describe('the API contract', () => {
  it('has one handler for every method and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
  });

  it('refuses an unknown method by name', async () => {
    const e = await b.err('person.fly', {});
    expect(e).toEqual({ code: 'UNKNOWN_METHOD', message: '未知的接口：person.fly', issues: [] });
  });

  it.each(names.filter((n) => n.endsWith('.create')))(
    '%s with nothing filled in names the missing fields',
    async (name) => {
      const e = await b.err(name, {});
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues.length).toBeGreaterThan(0);
      for (const i of e.issues) expect(hasChinese(i.message), i.message).toBe(true);
      expect(b.snapshot()).toEqual(before);
    },
  );

  it.each(byId)('%s of a record that does not exist says so', async (name) => {
    const e = await b.err(name, { id: 987654 });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/不存在（编号 987654）$/);
    expect(b.snapshot()).toEqual(before);
  });

  it.each(byId)('%s with a wrong type of id is refused', async (name) => {
    const e = await b.err(name, { id: 'abc' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0].path).toBe('id');
    expect(e.issues[0].message).toMatch(/应为有效的编号$/);
    expect(b.snapshot()).toEqual(before);
  });

  it.each(names)('%s refuses fields it does not know', async (name) => {
    const r = await b.dispatch(name, { zzUnknownField: 1 }, { operator: null });
    if (r.ok) return; // methods with no input object ignore nothing: covered by their own tests
    expect(hasChinese(r.error.message)).toBe(true);
    expect(b.snapshot()).toEqual(before);
  });

  it.each(names.filter((n) => n.endsWith('.list')))('%s pages and refuses an unknown sort field', async (name) => {
    const page = (await b.ok(name as 'township.list', { page: 1, pageSize: 10 })) as { rows: unknown[]; total: number };
    expect(Array.isArray(page.rows)).toBe(true);
    expect(typeof page.total).toBe('number');
    const e = await b.err(name, { sort: { field: 'zz', dir: 'asc' } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^排序字段应为以下之一/);
  });
});
