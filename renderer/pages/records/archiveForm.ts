// The archive record form (docs/spec/coverage-and-archive.md).
import { archiveCreate } from '../../../core/schemas/archive';
import { ARCHIVE_CATEGORIES, ARCHIVE_RETENTIONS, ARCHIVE_SECRECY } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const archiveForm: FormSpec = {
  schema: archiveCreate,
  items: [
    { section: '档案' },
    { name: 'archiveNo', span: 8, placeholder: '如 WP-2018-WS-001' },
    { name: 'title', span: 16 },
    { name: 'category', span: 8, options: ARCHIVE_CATEGORIES },
    { name: 'year', span: 8 },
    { name: 'secrecy', span: 8, options: ARCHIVE_SECRECY },
    { name: 'retention', span: 8, options: ARCHIVE_RETENTIONS },
    { name: 'quantity', span: 8 },
    { name: 'unit', span: 8, placeholder: '卷、件、册、盒' },
    { section: '保管与移交' },
    { name: 'location', span: 12, placeholder: '如 县污普办档案柜1号' },
    { name: 'keeper', span: 12 },
    { name: 'filedDate', span: 8 },
    { name: 'transferDate', span: 8 },
    { name: 'transferTo', span: 8, placeholder: '如 县档案馆' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
