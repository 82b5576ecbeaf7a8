// Forms take labels, kinds and messages from the backend's schemas; masked numbers left alone are
// neither checked nor sent.
import { describe, expect, it } from 'vitest';
import { personCreate } from '../../core/schemas/personnel';
import { fieldInfo } from '../../renderer/forms/fieldMeta';
import { apiIssues, issueFor, zodIssues } from '../../renderer/forms/issues';
import { isMasked, maskedKeys, withOptional } from '../../renderer/forms/masked';

describe('forms from schemas', () => {
  it('labels and kinds come from the schema', () => {
    expect(fieldInfo(personCreate, 'idNumber')).toEqual({
      label: '公民身份号码',
      kind: 'idNumber',
      optional: false,
      nullable: false,
    });
    expect(fieldInfo(personCreate, 'payRate')).toMatchObject({ label: '劳务报酬标准', kind: 'money', nullable: true });
    expect(fieldInfo(personCreate, 'status')).toMatchObject({ optional: true, nullable: false }); // has a default
    expect(() => fieldInfo(personCreate, 'nope')).toThrow();
  });

  it('puts the same message on the field as the API would', () => {
    const r = personCreate.safeParse({ name: '李娜', roles: ['普查员'], idNumber: '511323199007150022' });
    expect(r.success).toBe(false);
    expect(zodIssues(r.error!)).toEqual({ idNumber: '公民身份号码校验位错误：应为 1，实为 2' });
    const server = {
      code: 'INVALID_INPUT',
      message: 'x',
      issues: [
        { path: 'office.countyCode', message: 'a' },
        { path: 'admin.name', message: 'b' },
      ],
    };
    expect(apiIssues(server, 'office.')).toEqual({ countyCode: 'a' });
    expect(issueFor({ 'lines.2.quantity': 'q' }, 'lines')).toBe('q');
  });

  it('a masked ID may be left as it is on edit, but not typed anew wrong', () => {
    const record = { name: '李娜', roles: ['普查员'], idNumber: '5113**********0021' };
    const keys = maskedKeys(record, ['name', 'roles', 'idNumber']);
    expect(keys).toEqual(['idNumber']);
    expect(isMasked('511323199007150021')).toBe(false);
    const schema = withOptional(personCreate, keys);
    expect(schema.safeParse({ name: '李娜', roles: ['普查员'] }).success).toBe(true);
    expect(schema.safeParse({ name: '李娜', roles: ['普查员'], idNumber: '511323199007150022' }).success).toBe(false);
  });
});
