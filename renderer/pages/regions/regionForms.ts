import { districtCreate, townshipCreate, villageCreate } from '../../../core/schemas/regions';
import { DISTRICT_BASES, DISTRICT_STATUSES } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const townshipForm: FormSpec = {
  schema: townshipCreate,
  items: [
    {
      name: 'code',
      span: 12,
      placeholder: '9位，如 511323100',
      help: '县级代码6位＋3位：001–099 街道，100–199 镇，200–399 乡',
    },
    { name: 'name', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const villageForm: FormSpec = {
  schema: villageCreate,
  items: [
    { name: 'townshipId', span: 24, ref: 'township' },
    {
      name: 'code',
      span: 12,
      placeholder: '12位，如 511323100201',
      help: '乡镇代码9位＋3位：001–199 居委会，200–399 村委会',
    },
    { name: 'name', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

const active = (role: string) => () => ({ role, status: '在岗' });

export const districtForm: FormSpec = {
  schema: districtCreate,
  items: [
    {
      name: 'code',
      span: 12,
      placeholder: '留空则按所属村（居）代码加序号生成',
      help: '默认为12位村（居）代码加3位序号；位数见系统设置“普查小区与工作量”',
    },
    { name: 'name', span: 12 },
    { name: 'townshipId', span: 12, ref: 'township' },
    {
      name: 'villageId',
      span: 12,
      ref: 'village',
      refFilters: (v) => (v.townshipId ? { townshipId: v.townshipId } : undefined),
    },
    { name: 'basis', span: 8, options: DISTRICT_BASES },
    { name: 'status', span: 8, options: DISTRICT_STATUSES },
    { name: 'listingCount', span: 8 },
    { name: 'boundaryNote', span: 24, widget: 'textarea', placeholder: '东至…，南至…，西至…，北至…' },
    { section: '人员安排' },
    { name: 'enumeratorIds', span: 12, ref: 'person', refFilters: active('普查员') },
    { name: 'supervisorIds', span: 12, ref: 'person', refFilters: active('普查指导员') },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
