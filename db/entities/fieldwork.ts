// Issue #17's fieldwork and organisation registers (docs/spec/fieldwork-and-organisation.md).
import type { EntityDef } from '../entity';

/** true → the 0/1 column is set; false → it is not. */
const flag = (column: string) => (v: unknown) => ({ sql: `${column} = ?`, params: [v ? 1 : 0] });

export const surveyFigureDef: EntityDef = {
  name: 'surveyFigure',
  label: '抽样调查与监测进度',
  table: 'survey_figures',
  search: { contains: ['item', 'note'] },
  filters: { period: 'period', item: 'item' },
  sortable: { period: 'period', item: 'item' },
  defaultSort: 'period DESC, item, id',
};

export const publicityDef: EntityDef = {
  name: 'publicity',
  label: '宣传记录',
  table: 'publicity_items',
  search: { contains: ['title', 'channel', 'note'] },
  filters: {
    kind: 'kind',
    from: (v) => ({ sql: 'date >= ?', params: [v] }),
    to: (v) => ({ sql: 'date <= ?', params: [v] }),
  },
  sortable: { date: 'date', kind: 'kind', title: 'title' },
  defaultSort: 'date DESC, id DESC',
};

export const groupMemberDef: EntityDef = {
  name: 'groupMember',
  label: '领导小组成员',
  table: 'group_members',
  search: { contains: ['name', 'unit', 'duties'] },
  filters: { groupPost: 'group_post' },
  sortable: { sort: 'sort', unit: 'unit', name: 'name' },
  defaultSort: 'sort, id',
};

export const deviceDef: EntityDef = {
  name: 'device',
  label: '设备与账号',
  table: 'devices',
  view: 'devices_view',
  bools: ['isOut', 'outWithLeaver'],
  search: { contains: ['identifier', 'description', 'person_name'] },
  filters: {
    kind: 'kind',
    state: 'state',
    personId: 'person_id',
    isOut: flag('is_out'),
    outWithLeaver: flag('out_with_leaver'),
  },
  sortable: { handedDate: 'handed_date', identifier: 'identifier', kind: 'kind' },
  defaultSort: 'handed_date DESC, id DESC',
};
