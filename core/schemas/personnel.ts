// People (人员), domain.md §3: one row per person, several roles each.
import { z } from 'zod';
import {
  text,
  optText,
  optCode,
  idNumber,
  optMobile,
  optLandline,
  date,
  optDate,
  optMoney,
  ref,
  optRef,
  bool,
  oneOf,
  optOneOf,
  listOf,
} from './fields';
import {
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  PAY_BASES,
  PERSON_ROLES,
  PERSON_SOURCES,
  PERSON_STATUSES,
  POLITICAL_STATUSES,
  SEXES,
  TRAINING_STATUSES,
} from '../enums';
import { PERSON_CODE_HINT, PERSON_CODE_PATTERN } from '../personCode';
import { validateIdNumber } from '../validate/idNumber';
import { listInput, recordOf } from '../api/define';
import { pledgeFields, personRegisterListFilters } from './coverageFilters';

export const personCreate = z
  .object({
    /** Generated from the office's county code and the first role when left empty. */
    personCode: optCode('人员编号', PERSON_CODE_PATTERN, PERSON_CODE_HINT),
    name: text('姓名', { max: 50 }),
    roles: listOf('人员类别', oneOf('人员类别', PERSON_ROLES), 1),
    idNumber: idNumber('公民身份号码'),
    ethnicity: optOneOf('民族', ETHNIC_GROUPS),
    politicalStatus: optOneOf('政治面貌', POLITICAL_STATUSES),
    education: optOneOf('文化程度', EDUCATION_LEVELS),
    employer: optText('工作单位', { max: 100 }),
    position: optText('职务', { max: 50 }),
    source: optOneOf('人员来源', PERSON_SOURCES),
    mobile: optMobile('手机'),
    /** An office or home landline (`0838-1234567`, optional `-ext`); a roster's 联系电话 that is not a mobile lands here. */
    landline: optLandline('固定电话'),
    townshipId: optRef('所属乡镇（街道）'),
    villageId: optRef('所属村（社区）'),
    supervisorId: optRef('所属普查指导员'),
    agencyId: optRef('所属第三方机构'),
    certNo: optText('证件编号', { max: 50 }),
    certDate: optDate('发证日期'),
    certIssuer: optText('发证机关', { max: 100 }),
    hireStart: optDate('聘用开始日期'),
    hireEnd: optDate('聘用结束日期'),
    status: oneOf('在岗状态', PERSON_STATUSES).default('在岗'),
    leftDate: optDate('离岗日期'),
    leftReason: optText('离岗原因', { max: 200 }),
    insuranceCompany: optText('保险公司', { max: 100 }),
    insurancePolicyNo: optText('保单号', { max: 50 }),
    insuranceStart: optDate('保险起始日期'),
    insuranceEnd: optDate('保险截止日期'),
    insuranceAmount: optMoney('保额'),
    bankName: optText('开户行', { max: 100 }),
    bankAccount: optCode('银行卡号', /^\d{12,30}$/, '12至30位数字'),
    payRate: optMoney('劳务报酬标准'),
    payBasis: optOneOf('报酬计算方式', PAY_BASES),
    ...pledgeFields,
    note: optText('备注'),
  })
  .strict();

export const personRecord = recordOf(personCreate, {
  sex: z.enum(SEXES),
  birthDate: z.string(),
  districtIds: z.array(z.number().int()),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  supervisorName: z.string().nullable(),
  trainingStatus: z.enum(TRAINING_STATUSES),
  insuranceValid: z.boolean(),
});

export const personList = listInput(
  {
    role: oneOf('人员类别', PERSON_ROLES).optional(),
    townshipId: ref('所属乡镇（街道）').optional(),
    villageId: ref('所属村（社区）').optional(),
    status: oneOf('在岗状态', PERSON_STATUSES).optional(),
    supervisorId: ref('所属普查指导员').optional(),
    trainingStatus: oneOf('培训状态', TRAINING_STATUSES).optional(),
    /** false: 普查员 still waiting for a 普查指导员 (dashboard check). */
    hasSupervisor: bool('是否已有普查指导员').optional(),
    insuranceValid: bool('意外保险是否有效').optional(),
    ...personRegisterListFilters,
    /** true: 公民身份号码 still the 15-digit legacy form (a warning, domain.md §9.2; dashboard check). */
    legacyId: bool('是否为15位旧身份号码').optional(),
  },
  ['personCode', 'name', 'birthDate', 'status'] as const,
);

export const personLeave = z
  .object({
    id: ref('人员'),
    leftDate: date('离岗日期'),
    reason: optText('离岗原因', { max: 200 }),
  })
  .strict();

/** 性别 and 出生日期 as the ID states them: the one place they are derived. */
export function identityFromId(id: string): { sex: (typeof SEXES)[number]; birthDate: string } {
  const r = validateIdNumber(id);
  if (!r.ok) throw new Error(`公民身份号码未经校验：${r.message}`);
  return { sex: r.value.sex, birthDate: r.value.birthDate };
}

/** Accident insurance covers `today` (both ends inclusive); a policy without dates does not count. */
export function isInsuranceValid(
  start: string | null | undefined,
  end: string | null | undefined,
  today: string,
): boolean {
  return start != null && end != null && start <= today && end >= today;
}
