// Step 3: each column of the file and the field it is imported as. The guess (or the mapping
// remembered from the last import of this header shape) is shown; the clerk may change any column,
// and the file is checked again. A field chosen for one column is taken from any other.
import { Button, Card, Select, Space, Tag } from 'antd';
import './previewRows.css';
import { guessAgain, remap, type Mapping } from './previewRequest';
import type { ImportFlowState, Preview } from './useImportFlow';

const SOURCES: Record<Preview['mappingSource'], string> = {
  guess: '按列名自动对应',
  remembered: '沿用上次导入同样表头时的对应',
  given: '已按您的修改对应',
};

export function MappingTable({ flow, preview }: { flow: ImportFlowState; preview: Preview }) {
  const { busy, choice } = flow;
  const mapping: Mapping = Object.fromEntries(preview.columns.map((c) => [c.letter, c.field]));
  const fieldOptions = [
    { value: '', label: '（不导入）' },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
  ];
  return (
    <Card size="small" title="3. 核对列的对应关系">
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag data-testid="import-mapping-source" data-source={preview.mappingSource}>
          {SOURCES[preview.mappingSource]}
        </Tag>
        {choice.mapping && (
          <Button
            size="small"
            disabled={Boolean(busy)}
            onClick={() => void flow.relayout(guessAgain(choice))}
            data-testid="import-mapping-reset"
          >
            恢复自动对应
          </Button>
        )}
      </Space>
      {/* A plain table (previewRows.css): antd's Table with a fixed header measured every column on mount. */}
      <div className="preview-rows" style={{ maxWidth: 760, maxHeight: 340, overflowY: 'auto' }}>
        <table data-testid="import-mapping">
          <thead>
            <tr>
              <th style={{ width: 60 }}>列</th>
              <th style={{ width: 380 }}>文件中的表头</th>
              <th style={{ width: 260 }}>导入为</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.letter}>
                <td>{c.letter}</td>
                <td style={{ whiteSpace: 'normal' }}>{c.unit ? `${c.header}（${c.unit}）` : c.header}</td>
                <td>
                  <Select
                    style={{ width: 240 }}
                    data-testid={`map-${c.letter}`}
                    virtual={false}
                    value={mapping[c.letter] ?? ''}
                    disabled={Boolean(busy)}
                    onChange={(v: string) => void flow.relayout(remap(choice, mapping, c.letter, v || null))}
                    options={fieldOptions}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
