// Step 2: which sheet and which rows are the header. The guess is shown; the clerk may choose
// another sheet (the data need not be on the first) or name the header rows, and the file is
// checked again with that choice.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, InputNumber, Select, Space } from 'antd';
import {
  chooseHeaderRows,
  chooseSheet,
  detectHeaderAgain,
  headerRowsProblem,
  rowListText,
  rowsText,
  withHiddenRows,
} from './previewRequest';
import { LAYOUT_ERRORS, type ImportFlowState } from './useImportFlow';

export function LayoutStep({ flow }: { flow: ImportFlowState }) {
  const { preview, sheets, choice, busy, error } = flow;
  const sheet = preview?.sheet ?? choice.sheet ?? (sheets.length === 1 ? sheets[0].name : undefined);
  const header = preview?.header ?? choice.headerRows;
  return (
    <Card size="small" title="2. 工作表与表头" data-testid="import-layout">
      <Space wrap align="center">
        <span>工作表</span>
        <Select
          style={{ minWidth: 260 }}
          data-testid="import-sheet"
          virtual={false}
          placeholder="选择工作表"
          value={sheet}
          disabled={Boolean(busy)}
          onChange={(name: string) => void flow.relayout(chooseSheet(name))}
          options={sheets.map((s) => ({
            value: s.name,
            label: `${s.name}（${s.hidden ? '隐藏，' : ''}${s.rowCount} 行${s.hasHeader ? '' : '，未找到表头'}）`,
          }))}
        />
        {sheet !== undefined && (
          <HeaderRows
            key={`${sheet}:${header?.first ?? ''}-${header?.last ?? ''}`}
            initial={header}
            disabled={Boolean(busy)}
            onApply={(first, last) => void flow.relayout(chooseHeaderRows(sheet, first, last))}
          />
        )}
        {sheet !== undefined && choice.headerRows && (
          <Button
            type="link"
            disabled={Boolean(busy)}
            onClick={() => void flow.relayout(detectHeaderAgain(sheet))}
            data-testid="import-header-auto"
          >
            自动识别表头
          </Button>
        )}
      </Space>
      {error && LAYOUT_ERRORS.has(error.code) && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          title={error.message}
          data-testid="import-error"
          data-code={error.code}
        />
      )}
      {preview && (
        <Descriptions size="small" column={3} style={{ marginTop: 8 }} data-testid="import-data-rows">
          <Descriptions.Item label="表头">
            {rowsText(preview.header)}
            {choice.headerRows ? '（手工指定）' : '（自动识别）'}
          </Descriptions.Item>
          <Descriptions.Item label="数据">
            {preview.dataRows.first === null
              ? '表头下没有数据行'
              : `第 ${preview.dataRows.first}–${preview.dataRows.last} 行，共 ${preview.dataRows.count} 行`}
          </Descriptions.Item>
          <Descriptions.Item label="略过">
            {preview.dataRows.skipped} 行（空行、合计、栏次）
            {preview.dataRows.endedAt !== null && `；表格止于第 ${preview.dataRows.endedAt} 行的签名栏`}
          </Descriptions.Item>
        </Descriptions>
      )}
      {preview && preview.dataRows.hidden.length > 0 && (
        <Space
          style={{ marginTop: 8 }}
          data-testid="import-hidden-rows"
          data-included={preview.dataRows.hiddenIncluded}
        >
          <Checkbox
            // While the file is checked again, the clerk's choice; then what the preview says.
            checked={busy ? Boolean(choice.includeHiddenRows) : preview.dataRows.hiddenIncluded}
            disabled={Boolean(busy)}
            onChange={(e) => void flow.relayout(withHiddenRows(choice, e.target.checked))}
          >
            包含隐藏行
          </Checkbox>
          <span data-testid="import-hidden-text">
            {preview.dataRows.hiddenIncluded
              ? `Excel 中隐藏的 ${preview.dataRows.hidden.length} 行（${rowListText(preview.dataRows.hidden)}）已包含，一并检查和导入`
              : `已略过 Excel 中隐藏的 ${preview.dataRows.hidden.length} 行（${rowListText(preview.dataRows.hidden)}），不检查也不导入`}
          </span>
        </Space>
      )}
    </Card>
  );
}

/** The header rows as the clerk types them; applied with the button, never on each keystroke. */
function HeaderRows({
  initial,
  disabled,
  onApply,
}: {
  initial?: { first: number; last: number };
  disabled: boolean;
  onApply: (first: number, last: number) => void;
}) {
  const [first, setFirst] = useState<number | null>(initial?.first ?? null);
  const [last, setLast] = useState<number | null>(initial?.last ?? null);
  const problem = headerRowsProblem(first, last);
  const unchanged = initial !== undefined && first === initial.first && last === initial.last;
  return (
    <Space size={4} wrap>
      <span>表头在第</span>
      <RowNumber value={first} onChange={setFirst} testId="import-header-first" label="表头首行" />
      <span>至</span>
      <RowNumber value={last} onChange={setLast} testId="import-header-last" label="表头末行" />
      <span>行</span>
      <Button
        disabled={disabled || problem !== null || unchanged}
        onClick={() => onApply(first!, last!)}
        data-testid="import-header-apply"
      >
        按此表头重新识别
      </Button>
      {problem && (first !== null || last !== null) && (
        <span className="field-error" style={{ color: '#cf1322' }} data-testid="import-header-problem">
          {problem}
        </span>
      )}
    </Space>
  );
}

/** One sheet row number (1-based, whole). */
function RowNumber(p: { value: number | null; onChange: (v: number | null) => void; testId: string; label: string }) {
  return (
    <InputNumber
      style={{ width: 80 }}
      min={1}
      precision={0}
      value={p.value}
      onChange={(v) => p.onChange(v)}
      data-testid={p.testId}
      aria-label={p.label}
    />
  );
}
