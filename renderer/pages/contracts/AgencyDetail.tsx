// One agency: its details and its contracts.
import { useRead } from '../../api/useRecord';
import { embeddedContracts } from '../../stores/lists';
import { href, navigate } from '../../router/route';
import { EmbeddedList } from '../../lists/EntityList';
import { orDash, yuanText } from '../../format/display';
import { SensitiveValue } from '../../format/SensitiveValue';
import { DetailPage, LoadState } from '../DetailPage';
import { contractColumns } from './contractColumns';
import { agencyForm, contractForm } from './contractForms';

export function AgencyDetail({ id }: { id: number }) {
  const { data: a, error, reload } = useRead('agency.get', { id });
  if (error || !a) return <LoadState error={error} />;
  return (
    <DetailPage
      testId="agency-detail"
      back="#/contracts?tab=agencies"
      title={a.name}
      column={3}
      items={[
        { key: 'credit', label: '统一社会信用代码', children: <span className="mono">{a.creditCode}</span> },
        { key: 'legal', label: '法定代表人', children: orDash(a.legalRep) },
        { key: 'contact', label: '联系人及电话', children: `${orDash(a.contactName)} ${a.phone ?? ''}` },
        { key: 'address', label: '地址', children: orDash(a.address) },
        {
          key: 'bank',
          label: '开户行及账号',
          children: (
            <>
              {orDash(a.bankName)}{' '}
              {a.bankAccount && <SensitiveValue entity="agency" id={a.id} field="bankAccount" value={a.bankAccount} />}
            </>
          ),
        },
        { key: 'amount', label: '合同合计', children: `${a.contractCount} 份，${yuanText(a.contractAmount)}` },
        { key: 'q', label: '资质说明', children: orDash(a.qualification), span: 3 },
      ]}
      edit={{ entity: 'agency', label: '第三方机构', spec: agencyForm, record: a, width: 760 }}
      onSaved={reload}
    >
      <EmbeddedList
        store={embeddedContracts}
        fixed={{ agencyId: id }}
        columns={contractColumns}
        testId="agency-contracts"
        unit="份"
        noun="合同"
        howToAdd="点击“新增合同”录入与该机构签订的合同。"
        searchPlaceholder="合同名称或编号"
        form={{
          entity: 'contract',
          label: '合同',
          spec: contractForm,
          width: 860,
          defaults: { agencyId: id, status: '履行中', serviceKinds: [], staffIds: [] },
        }}
        onOpen={(c) => void navigate(href(`/contracts/${c.id}`))}
        onChanged={reload}
      />
    </DetailPage>
  );
}
