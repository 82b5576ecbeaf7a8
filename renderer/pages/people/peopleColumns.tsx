// The roster's columns. 公民身份号码 and 手机 are masked in lists (domain.md §8).
import { Pill } from '../../format/Pill';
import type { PersonRecord } from '../../api/types';
import type { Column } from '../../lists/columns';
import { codeColumn } from '../../lists/codeColumn';
import { maskedId, maskedPhone } from '../../format/display';
import { StatusTag } from '../../format/StatusTag';

export const peopleColumns: Column<PersonRecord>[] = [
  codeColumn('personCode', '人员编号', 118),
  { key: 'name', title: '姓名', width: 80, sortField: 'name', render: (p) => p.name },
  // Next to the name: at 1366 px the last columns are off to the right, and 状态 is what a clerk reads first.
  { key: 'status', title: '状态', width: 72, sortField: 'status', render: (p) => <StatusTag value={p.status} /> },
  { key: 'sex', title: '性别', width: 50, render: (p) => p.sex },
  { key: 'birthDate', title: '出生日期', width: 100, sortField: 'birthDate', render: (p) => p.birthDate },
  { key: 'roles', title: '人员类别', width: 150, render: (p) => p.roles.map((r) => <Pill key={r}>{r}</Pill>) },
  {
    key: 'idNumber',
    title: '公民身份号码',
    width: 166,
    render: (p) => (
      <>
        <span className="mono">{maskedId(p.idNumber)}</span>
        {p.idNumber.length === 15 && <Pill color="orange">15位</Pill>}
      </>
    ),
  },
  { key: 'mobile', title: '手机', width: 108, render: (p) => <span className="mono">{maskedPhone(p.mobile)}</span> },
  { key: 'landline', title: '固定电话', width: 116, render: (p) => <span className="mono">{p.landline ?? ''}</span> },
  {
    key: 'township',
    title: '乡镇（街道）',
    width: 110,
    exportField: 'townshipName',
    render: (p) => p.townshipName ?? '',
  },
  {
    key: 'supervisor',
    title: '所属指导员',
    width: 92,
    exportField: 'supervisorName',
    render: (p) => p.supervisorName ?? '',
  },
  {
    key: 'training',
    title: '培训',
    width: 86,
    exportField: 'trainingStatus',
    render: (p) => <StatusTag value={p.trainingStatus} />,
  },
  {
    key: 'insurance',
    title: '意外保险',
    exportField: 'insuranceValid',
    width: 78,
    render: (p) => (p.insuranceValid ? <Pill color="green">有效</Pill> : <Pill color="red">无</Pill>),
  },
  {
    key: 'pledge',
    title: '保密承诺书',
    exportField: 'pledgeStatus',
    width: 96,
    render: (p) =>
      p.pledgeStatus === '已签署' ? (
        // The date when there is one: the clerk checks it against the signed paper.
        <Pill color="green">{p.pledgeDate ?? '已签署'}</Pill>
      ) : (
        <Pill color="red">未签署</Pill>
      ),
  },
];
