// The 组织与宣传 forms: their fields, labels and rules come from the schemas.
import { deviceCreate, groupMemberCreate, publicityCreate } from '../../../core/schemas/organisation';
import { DEVICE_KINDS, DEVICE_STATES, GROUP_POSTS, PUBLICITY_KINDS } from '../../../core/organisation';
import type { FormSpec } from '../../forms/fieldSpec';

export const publicityForm: FormSpec = {
  schema: publicityCreate,
  items: [
    { name: 'date', span: 8 },
    { name: 'kind', span: 8, options: PUBLICITY_KINDS },
    { name: 'channel', span: 8, placeholder: '如 县电视台、微信公众号' },
    { name: 'title', span: 24 },
    { name: 'quantity', span: 12 },
    { name: 'unit', span: 12, placeholder: '份、条、次、人次、阅读' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const groupMemberForm: FormSpec = {
  schema: groupMemberCreate,
  items: [
    { name: 'name', span: 8 },
    { name: 'unit', span: 16, placeholder: '如 县统计局' },
    { name: 'unitPost', span: 8, placeholder: '如 副局长' },
    { name: 'groupPost', span: 8, options: GROUP_POSTS },
    { name: 'phone', span: 8 },
    { name: 'duties', span: 24, widget: 'textarea', placeholder: '该成员单位在普查中的分工' },
    { name: 'sort', span: 8, help: '名单中的顺序，小的在前' },
    { name: 'note', span: 16 },
  ],
};

export const deviceForm: FormSpec = {
  schema: deviceCreate,
  items: [
    { name: 'kind', span: 8, options: DEVICE_KINDS },
    { name: 'identifier', span: 8, placeholder: 'PAD编号或系统账号' },
    { name: 'description', span: 8 },
    { name: 'personId', span: 12, ref: 'person' },
    { name: 'handedDate', span: 6 },
    { name: 'returnedDate', span: 6 },
    { name: 'state', span: 8, options: DEVICE_STATES, help: '遗失、已注销的不再计为未归还' },
    { name: 'note', span: 16 },
  ],
};
