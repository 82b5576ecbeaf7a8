// The audit log in words: every action an import writes per record, and the link to its batch, has
// a Chinese name (the clerk never sees 'import.update' or 'importHistoryId').
import { describe, expect, it } from 'vitest';
import { actionLabel, entityLabel, fieldLabel } from '../../core/auditLabels';

describe('audit labels', () => {
  it('names the per-record entries of an import and their link to the import', () => {
    expect(actionLabel('import.create')).toBe('导入新增');
    expect(actionLabel('import.update')).toBe('导入修改');
    expect(fieldLabel('person', 'importHistoryId')).toContain('导入');
  });

  it('names a person field from the contract, and the person entity', () => {
    expect(fieldLabel('person', 'bankAccount')).toBe('银行卡号');
    expect(entityLabel('person')).toBe('人员');
  });
});
