// The columns a kind's file should have, from `import.kinds`: required ones first and marked, each
// with the other header texts that are recognised and its hint. Shown before a file is chosen.
import { memo, useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import type { OutputOf } from '../../../core/api';
import type { ImportKind } from '../../../core/imports/kinds';
import { fetchData } from '../../api/call';

type KindInfo = OutputOf<'import.kinds'>[number];

// The kinds and their columns do not change while the app runs: asked once.
let kinds: Promise<KindInfo[]> | null = null;
const loadKinds = () =>
  (kinds ??= fetchData('import.kinds', {}).catch((e: unknown) => ((kinds = null), Promise.reject(e))));

// Memoised: its tooltips would otherwise render again on every progress tick of a check.
export const ExpectedColumns = memo(function ExpectedColumns({ kind }: { kind: ImportKind }) {
  const [info, setInfo] = useState<KindInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadKinds().then(
      (all) => live && setInfo(all.find((k) => k.kind === kind) ?? null),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (live = false);
  }, [kind]);
  if (error) return <div className="muted">{error}</div>;
  if (!info) return null;
  const fields = [...info.fields.filter((f) => f.required), ...info.fields.filter((f) => !f.required)];
  return (
    <div data-testid="import-expected" style={{ marginBottom: 8 }}>
      <div className="muted" style={{ marginBottom: 4 }}>
        文件的表头应包含以下列（带 * 的必须有；列名可用常见的其他写法，列的顺序不限）：
      </div>
      {fields.map((f) => (
        <Tooltip
          key={f.key}
          title={
            [f.synonyms.length > 1 ? `也可写作：${f.synonyms.slice(1).join('、')}` : '', f.hint ?? '']
              .filter(Boolean)
              .join('；') || undefined
          }
        >
          <Tag color={f.required ? 'blue' : undefined} data-testid={`expected-${f.key}`} style={{ marginBottom: 4 }}>
            {f.required ? `*${f.label}` : f.label}
          </Tag>
        </Tooltip>
      ))}
    </div>
  );
});
