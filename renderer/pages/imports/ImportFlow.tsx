// One import screen for every kind (docs/imports.md): choose the file, check the sheet and header,
// fix the column mapping, see the counts and every refused row (and download them), choose update
// or skip for stored records, then 确认导入. Nothing is written before 确认导入.
import { Alert } from 'antd';
import { canWrite, useSession } from '../../stores/session';
import { PageHead } from '../PageHead';
import { CheckStep } from './CheckStep';
import { CommitStep } from './CommitStep';
import { ImportResult } from './ImportResult';
import { importTitle, kindText, listHref, type ImportTarget } from './importTargets';
import { LayoutStep } from './LayoutStep';
import { MappingTable } from './MappingTable';
import { UploadStep } from './UploadStep';
import { useImportFlow } from './useImportFlow';
import { useStaged } from './useStaged';

interface Props {
  target: ImportTarget;
  /** Instead of `导入<kind>`: the attendance import names its session. */
  title?: string;
  /** After a commit, besides the lists (the session page reloads its figures). */
  onCommitted?: () => void;
}

export function ImportFlow({ target, title, onCommitted }: Props) {
  const writer = canWrite(useSession((s) => s.operator));
  const flow = useImportFlow(target, onCommitted);
  const text = kindText(target);
  const back = listHref(target);
  const { preview } = flow;
  // The three steps after a check mount one task apart (useStaged.ts), then stay.
  const staged = useStaged(preview !== null, 3);
  return (
    <div className="page" data-testid="import-page" data-kind={target.kind}>
      <PageHead back={back} title={title ?? importTitle(target)} />
      {!writer && <Alert type="info" showIcon title="只有录入员和管理员可以确认导入；您可以查看检查结果。" />}
      <UploadStep kind={target.kind} flow={flow} />
      {flow.result && <ImportResult result={flow.result} listTitle={text.list.title} listHref={back} />}
      {flow.uploaded && flow.sheets.length > 0 && <LayoutStep flow={flow} />}
      {preview && (
        <>
          {staged >= 1 && <MappingTable flow={flow} preview={preview} />}
          {staged >= 2 && <CheckStep flow={flow} preview={preview} />}
          {staged >= 3 && (
            <CommitStep flow={flow} preview={preview} writer={writer} noun={text.noun} matchedBy={text.matchedBy} />
          )}
        </>
      )}
    </div>
  );
}
