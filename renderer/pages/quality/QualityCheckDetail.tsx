// One 质量核查 record: where and what was sampled, the errors found and corrected, the error rate.
import { useRead } from '../../api/useRecord';
import { orDash, rate } from '../../format/display';
import { qualityCheckForm } from './qualityForms';
import { RecordPage } from './RecordPage';

export function QualityCheckDetail({ id }: { id: number }) {
  const { data: q, error, reload } = useRead('qualityCheck.get', { id });
  return (
    <RecordPage
      entity="qualityCheck"
      label="质量核查记录"
      tab="checks"
      record={q as Record<string, unknown> | null}
      error={error}
      title={q ? `${q.period} ${q.stage}质量核查（${q.scopeText}）` : ''}
      spec={qualityCheckForm}
      testId="quality-detail"
      onChanged={reload}
      items={
        q
          ? [
              { key: 'period', label: '报告期', children: q.period },
              { key: 'stage', label: '核查阶段', children: q.stage },
              { key: 'row', label: '普查对象类别', children: `${q.rowCode} ${q.categoryName}` },
              { key: 'scope', label: '核查范围', children: q.scopeText },
              { key: 'checker', label: '核查人', children: q.checker },
              { key: 'date', label: '核查日期', children: q.checkDate },
              { key: 'sampled', label: '抽查数', children: q.sampledCount },
              { key: 'errors', label: '发现差错数', children: q.errorCount },
              { key: 'corrected', label: '已改正数', children: `${q.correctedCount}（未改正 ${q.uncorrectedCount}）` },
              {
                key: 'rate',
                label: '差错率',
                children: (
                  <span data-testid="quality-rate">
                    {rate(q.errorRate)}
                    {q.aboveThreshold ? '（超过上限）' : ''}
                  </span>
                ),
              },
              { key: 'note', label: '备注', children: orDash(q.note), span: 2 },
            ]
          : []
      }
    />
  );
}
