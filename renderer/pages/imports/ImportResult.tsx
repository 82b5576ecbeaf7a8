// What the commit wrote, with the way to the list that now holds the records.
import { Button, Card, Space, Statistic } from 'antd';
import { navigate } from '../../router/route';
import type { Committed } from './useImportFlow';

export function ImportResult({
  result,
  listTitle,
  listHref,
}: {
  result: Committed;
  listTitle: string;
  listHref: string;
}) {
  return (
    <Card
      size="small"
      title={`导入完成：${result.fileName}`}
      data-testid="import-result"
      data-created={result.created}
      data-updated={result.updated}
    >
      <Space size="large" wrap>
        <Statistic title="新增" value={result.created} />
        <Statistic title="更新" value={result.updated} />
        <Statistic title="无变化" value={result.unchanged} />
        <Statistic title="跳过" value={result.skipped} />
        <Statistic title="未导入（有错误）" value={result.rejected} />
      </Space>
      <div style={{ marginTop: 12 }}>
        <Button type="primary" onClick={() => void navigate(listHref)} data-testid="import-view-list">
          查看{listTitle}
        </Button>
      </div>
    </Card>
  );
}
