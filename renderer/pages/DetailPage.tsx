// The frame a record's detail page shares: the title bar with 编辑 for writers, the record's
// descriptions, the page's own parts (children), and the drawer that edits the record.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Spin, type DescriptionsProps } from 'antd';
import { canWrite, useSession } from '../stores/session';
import { EntityFormDrawer } from '../forms/EntityFormDrawer';
import type { FormSpec } from '../forms/fieldSpec';
import { PageHead } from './PageHead';

/** What a detail page shows while its record loads, or when the load failed. */
export function LoadState({ error }: { error: string | null }) {
  return error ? <Alert type="error" showIcon title={error} /> : <Spin />;
}

interface Props {
  testId: string;
  /** Where 返回 goes without in-app history (the list the record came from). */
  back: string;
  title: ReactNode;
  /** The descriptions' column count and items. */
  column: number;
  items: DescriptionsProps['items'];
  /** The edit drawer: `entity.update` on `record`. */
  edit: { entity: string; label: string; spec: FormSpec; record: Record<string, unknown>; width?: number };
  onSaved: () => void;
  /** Writer-only actions of this kind of record, before 编辑. */
  leading?: ReactNode;
  /** More writer-only actions after 编辑 (e.g. 删除). */
  actions?: ReactNode;
  editTestId?: string;
  children?: ReactNode;
}

export function DetailPage(p: Props) {
  const { testId, back, title, column, items, edit, onSaved, leading, actions, editTestId, children } = p;
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  return (
    <div className="page" data-testid={testId}>
      <PageHead
        back={back}
        title={title}
        extra={
          writer && (
            <>
              {leading}
              <Button onClick={() => setEditing(true)} data-testid={editTestId}>
                编辑
              </Button>
              {actions}
            </>
          )
        }
      />
      <Descriptions size="small" bordered column={column} items={items} />
      {children}
      <EntityFormDrawer
        entity={edit.entity}
        label={edit.label}
        spec={edit.spec}
        open={editing}
        record={edit.record}
        width={edit.width}
        onClose={() => setEditing(false)}
        onSaved={onSaved}
      />
    </div>
  );
}
