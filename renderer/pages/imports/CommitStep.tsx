// Step 5: what to do with records that are already stored, and 确认导入. A file imported before
// asks again (仍然导入) in the flow's commit.
import { Button, Card, Radio, Space } from 'antd';
import { rowsToWrite } from './previewRequest';
import type { ImportFlowState, Preview } from './useImportFlow';

interface Props {
  flow: ImportFlowState;
  preview: Preview;
  writer: boolean;
  noun: string;
  matchedBy: string;
}

export function CommitStep({ flow, preview, writer, noun, matchedBy }: Props) {
  const { busy, onExisting } = flow;
  const toWrite = rowsToWrite(preview.counts, onExisting);
  const blocked = preview.problems.length > 0;
  return (
    <Card size="small" title="5. 确认导入">
      <Space orientation="vertical">
        <Radio.Group
          value={onExisting}
          onChange={(e) => flow.setOnExisting(e.target.value as 'update' | 'skip')}
          data-testid="import-on-existing"
          options={[
            { value: 'update', label: `已有的${noun}（按${matchedBy}）用文件中的内容更新` },
            { value: 'skip', label: `已有的${noun}保持不变（跳过）` },
          ]}
        />
        <Space>
          <Button
            type="primary"
            data-testid="import-commit"
            disabled={!writer || Boolean(busy) || blocked || toWrite === 0}
            loading={busy === '正在导入'}
            onClick={() => void flow.commit()}
          >
            确认导入{toWrite > 0 ? `（${toWrite} 行）` : ''}
          </Button>
          <Button disabled={Boolean(busy)} onClick={() => void flow.discard()}>
            放弃
          </Button>
        </Space>
        {!blocked && toWrite === 0 && (
          <span className="muted" data-testid="import-nothing">
            文件中没有需要导入的新{noun}
            {onExisting === 'update' ? '或变更' : ''}。
          </span>
        )}
        <span className="muted">导入在一个步骤内完成：要么全部写入，要么什么也不写；导入前会自动备份数据。</span>
      </Space>
    </Card>
  );
}
