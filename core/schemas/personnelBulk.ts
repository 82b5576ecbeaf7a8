// 批量设置 in the people list: the same few fields set on many people in one audited write.
import { z } from 'zod';
import { optDate, optRef, optText, ref } from './fields';

/** What a batch may set. Each key left out stays as it is on every person. */
export const personBulkChanges = z
  .object({
    supervisorId: optRef('所属普查指导员'),
    /** Moving people to another township clears a village that is not in it. */
    townshipId: optRef('所属乡镇（街道）'),
    insuranceCompany: optText('保险公司', { max: 100 }),
    insurancePolicyNo: optText('保单号', { max: 50 }),
    insuranceStart: optDate('保险起始日期'),
    insuranceEnd: optDate('保险截止日期'),
    /** 离岗: every person chosen leaves on this day. */
    leftDate: optDate('离岗日期'),
    leftReason: optText('离岗原因', { max: 200 }),
  })
  .strict()
  .refine((c) => Object.entries(c).some(([k, v]) => v != null && k !== 'leftReason'), {
    message: '请至少填写一项要设置的内容',
  });

export const personBulkSet = z
  .object({
    ids: z.array(ref('人员')).min(1, { message: '请先勾选要设置的人员' }).max(5000, { message: '一次最多设置5000人' }),
    changes: personBulkChanges,
  })
  .strict();

export const personBulkResult = z.object({
  /** The people whose record changed (each has its own audit entry). */
  changed: z.number().int(),
  /** Chosen but already as asked. */
  unchanged: z.number().int(),
});
