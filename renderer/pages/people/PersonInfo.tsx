// A person's record, section by section. Sensitive numbers stay masked, as in lists; where the
// backend allows, one click shows them in full (and the reveal is audited).
import type { ReactNode } from 'react';
import { Descriptions, Tag } from 'antd';
import { Warning } from '../../format/Warning';
import type { PersonRecord } from '../../api/types';
import { dateCn, orDash, yuanText } from '../../format/display';
import { SensitiveValue } from '../../format/SensitiveValue';
import { href } from '../../router/route';
import { RefName } from '../../forms/RefName';
import { hireAgeWarning, idNumberWarning } from './personWarnings';

const section = (title: string, items: { label: string; children: ReactNode; span?: number }[]) => (
  <Descriptions
    size="small"
    bordered
    column={3}
    title={title}
    items={items.map((i, k) => ({ key: k, ...i }))}
    style={{ marginBottom: 16 }}
  />
);

export function PersonInfo({ p }: { p: PersonRecord }) {
  const legacyId = idNumberWarning(p);
  const hireAge = hireAgeWarning(p);
  return (
    <>
      {legacyId && <Warning title={legacyId} data-testid="person-legacy-id" />}
      {hireAge && <Warning title={hireAge} data-testid="person-hire-age" />}
      {section('基本信息', [
        { label: '人员编号', children: <span className="mono">{p.personCode}</span> },
        { label: '姓名', children: p.name },
        { label: '人员类别', children: p.roles.map((r) => <Tag key={r}>{r}</Tag>) },
        {
          label: '公民身份号码',
          children: <SensitiveValue entity="person" id={p.id} field="idNumber" value={p.idNumber} />,
        },
        { label: '性别', children: p.sex },
        { label: '出生日期', children: dateCn(p.birthDate) },
        { label: '民族', children: orDash(p.ethnicity) },
        { label: '政治面貌', children: orDash(p.politicalStatus) },
        { label: '文化程度', children: orDash(p.education) },
        { label: '工作单位', children: orDash(p.employer) },
        { label: '职务', children: orDash(p.position) },
        { label: '人员来源', children: orDash(p.source) },
        { label: '手机', children: <span className="mono">{orDash(p.mobile)}</span> },
        { label: '固定电话', children: <span className="mono">{orDash(p.landline)}</span> },
      ])}
      {section('工作安排', [
        {
          label: '乡镇（街道）',
          children: p.townshipId ? <a href={href(`/regions/township/${p.townshipId}`)}>{p.townshipName}</a> : '—',
        },
        { label: '村（社区）', children: orDash(p.villageName) },
        {
          label: '所属普查指导员',
          children: p.supervisorId ? (
            <a href={href(`/people/${p.supervisorId}`)}>{p.supervisorName}</a>
          ) : p.roles.includes('普查员') ? (
            <Tag color="red">未指定</Tag>
          ) : (
            '—'
          ),
        },
        { label: '所属第三方机构', children: p.agencyId ? <RefName source="agency" id={p.agencyId} /> : '—' },
      ])}
      {section('证件与聘用', [
        { label: '证件编号', children: orDash(p.certNo) },
        { label: '发证日期', children: dateCn(p.certDate) },
        { label: '发证机关', children: orDash(p.certIssuer) },
        {
          label: '聘用期',
          children: p.hireStart || p.hireEnd ? `${dateCn(p.hireStart)} 至 ${dateCn(p.hireEnd)}` : '—',
        },
        {
          label: '在岗状态',
          children:
            p.status === '离岗' ? `离岗（${dateCn(p.leftDate)}${p.leftReason ? `，${p.leftReason}` : ''}）` : '在岗',
        },
      ])}
      {section('人身意外伤害保险', [
        {
          label: '保险状态',
          children: p.insuranceValid ? <Tag color="green">有效</Tag> : <Tag color="red">无有效保险</Tag>,
        },
        { label: '保险公司', children: orDash(p.insuranceCompany) },
        { label: '保单号', children: orDash(p.insurancePolicyNo) },
        {
          label: '保险期间',
          children: p.insuranceStart ? `${dateCn(p.insuranceStart)} 至 ${dateCn(p.insuranceEnd)}` : '—',
        },
        { label: '保额', children: yuanText(p.insuranceAmount) },
      ])}
      {section('保密承诺书', [
        {
          label: '签署情况',
          children: p.pledgeStatus === '已签署' ? <Tag color="green">已签署</Tag> : <Tag color="red">未签署</Tag>,
        },
        { label: '签署日期', children: dateCn(p.pledgeDate), span: 2 },
      ])}
      {section('劳务报酬', [
        { label: '开户行', children: orDash(p.bankName) },
        {
          label: '银行卡号',
          children: <SensitiveValue entity="person" id={p.id} field="bankAccount" value={p.bankAccount} />,
        },
        { label: '劳务报酬标准', children: p.payRate != null ? `${yuanText(p.payRate)}（${p.payBasis ?? ''}）` : '—' },
      ])}
      {p.note && section('备注', [{ label: '备注', children: p.note, span: 3 }])}
    </>
  );
}
