// The person form (domain.md §3). 性别 and 出生日期 are read from the ID by the backend; 在岗状态
// changes through 离岗 / 恢复在岗 on the person's page, not here.
import { personCreate, personLeave } from '../../../core/schemas/personnel';
import {
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  PAY_BASES,
  PERSON_ROLES,
  PERSON_SOURCES,
  PLEDGE_STATUSES,
  POLITICAL_STATUSES,
} from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';
import type { Values } from '../../forms/useSchemaForm';
import { hireAgeWarning, idNumberWarning } from './personWarnings';

const holds = (role: string) => (v: Values) => Array.isArray(v.roles) && v.roles.includes(role);

export const personForm: FormSpec = {
  schema: personCreate,
  items: [
    { section: '基本信息' },
    { name: 'name', span: 8 },
    { name: 'roles', span: 16, options: PERSON_ROLES },
    { name: 'idNumber', span: 12, help: '性别和出生日期由身份号码自动得出', warn: idNumberWarning },
    { name: 'personCode', span: 12, placeholder: '留空则按县代码和人员类别自动生成' },
    { name: 'mobile', span: 8 },
    { name: 'landline', span: 8, placeholder: '如 0838-1234567' },
    { name: 'ethnicity', span: 8, options: ETHNIC_GROUPS },
    { name: 'politicalStatus', span: 8, options: POLITICAL_STATUSES },
    { name: 'education', span: 8, options: EDUCATION_LEVELS },
    { name: 'source', span: 8, options: PERSON_SOURCES },
    { name: 'position', span: 8 },
    { name: 'employer', span: 16 },
    { section: '工作安排' },
    { name: 'townshipId', span: 12, ref: 'township' },
    {
      name: 'villageId',
      span: 12,
      ref: 'village',
      refFilters: (v) => (v.townshipId ? { townshipId: v.townshipId } : undefined),
    },
    {
      name: 'supervisorId',
      span: 12,
      ref: 'person',
      refFilters: () => ({ role: '普查指导员', status: '在岗' }),
      visible: holds('普查员'),
      help: '普查员所属的普查指导员',
    },
    { name: 'agencyId', span: 12, ref: 'agency', visible: holds('第三方机构人员') },
    { section: '证件与聘用' },
    { name: 'certNo', span: 8 },
    { name: 'certDate', span: 8 },
    { name: 'certIssuer', span: 8 },
    { name: 'hireStart', span: 8, warn: hireAgeWarning },
    { name: 'hireEnd', span: 8 },
    { section: '人身意外伤害保险' },
    { name: 'insuranceCompany', span: 8 },
    { name: 'insurancePolicyNo', span: 8 },
    { name: 'insuranceAmount', span: 8 },
    { name: 'insuranceStart', span: 8 },
    { name: 'insuranceEnd', span: 8 },
    { section: '劳务报酬' },
    { name: 'bankName', span: 12 },
    { name: 'bankAccount', span: 12 },
    { name: 'payRate', span: 12 },
    { name: 'payBasis', span: 12, options: PAY_BASES },
    { section: '保密承诺书' },
    { name: 'pledgeStatus', span: 12, options: PLEDGE_STATUSES, help: '只填签署日期即记为已签署' },
    { name: 'pledgeDate', span: 12 },
    { section: '其他' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const leaveForm: FormSpec = {
  schema: personLeave.omit({ id: true }),
  items: [
    { name: 'leftDate', span: 12 },
    { name: 'reason', span: 24, widget: 'textarea' },
  ],
};
