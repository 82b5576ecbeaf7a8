// 组织与宣传: the publicity log, the 领导小组 and its 成员单位, and the devices and accounts handed
// to people (docs/spec/fieldwork-and-organisation.md §2–4).
import { z } from 'zod';
import { bool, date, oneOf, optDate, optInt, optPhone, optText, ref, text } from './fields';
import { DEVICE_KINDS, DEVICE_STATES, GROUP_POSTS, PUBLICITY_KINDS } from '../organisation';
import { listInput, recordOf } from '../api/define';

export const publicityCreate = z
  .object({
    date: date('日期'),
    kind: oneOf('宣传形式', PUBLICITY_KINDS),
    channel: optText('渠道/媒体', { max: 100 }),
    title: text('标题/内容', { max: 200 }),
    quantity: optInt('数量/覆盖'),
    unit: optText('计量单位', { max: 10 }),
    note: optText('备注'),
  })
  .strict();
export const publicityRecord = recordOf(publicityCreate, {});
export const publicityList = listInput(
  {
    kind: oneOf('宣传形式', PUBLICITY_KINDS).optional(),
    /** Items dated within [from, to]: a report period picks its items. */
    from: date('起始日期').optional(),
    to: date('截止日期').optional(),
  },
  ['date', 'kind', 'title'] as const,
);

export const groupMemberCreate = z
  .object({
    name: text('姓名', { max: 50 }),
    unit: text('成员单位', { max: 100 }),
    unitPost: optText('单位职务', { max: 50 }),
    groupPost: oneOf('组内职务', GROUP_POSTS),
    duties: optText('职责分工', { max: 1000 }),
    phone: optPhone('联系电话'),
    sort: optInt('排序'),
    note: optText('备注'),
  })
  .strict();
export const groupMemberRecord = recordOf(groupMemberCreate, {});
export const groupMemberList = listInput({ groupPost: oneOf('组内职务', GROUP_POSTS).optional() }, [
  'sort',
  'unit',
  'name',
] as const);

export const deviceCreate = z
  .object({
    kind: oneOf('类别', DEVICE_KINDS),
    identifier: text('编号/账号', { max: 100 }),
    description: optText('型号/说明', { max: 200 }),
    personId: ref('领用人'),
    handedDate: date('发放日期'),
    returnedDate: optDate('归还日期'),
    state: oneOf('状态', DEVICE_STATES).default('在用'),
    note: optText('备注'),
  })
  .strict();
export const deviceRecord = recordOf(deviceCreate, {
  personName: z.string().nullable(),
  personCode: z.string().nullable(),
  /** The holder's status (在岗 / 离岗) and leave date. */
  personStatus: z.string().nullable(),
  personLeftDate: z.string().nullable(),
  /** Not returned and not settled (遗失, 已注销): still with the holder. */
  isOut: z.boolean(),
  /** Still out with a holder who has left (离岗 with a leave date on or before today). */
  outWithLeaver: z.boolean(),
});
export const deviceList = listInput(
  {
    kind: oneOf('类别', DEVICE_KINDS).optional(),
    state: oneOf('状态', DEVICE_STATES).optional(),
    personId: ref('领用人').optional(),
    isOut: bool('未归还').optional(),
    outWithLeaver: bool('离岗人员未归还').optional(),
  },
  ['handedDate', 'identifier', 'kind'] as const,
);
