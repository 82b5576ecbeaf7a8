// A list screen of one entity: toolbar (search, filters, 新增), active filter tags, the virtual
// table and the create/edit drawer. RoutedList takes its filters from the route (dashboard links,
// back button); EmbeddedList shows one record's children with fixed filters (a township's villages).
import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ListStore } from '../stores/listStore';
import { canWrite, useSession } from '../stores/session';
import { EntityFormDrawer } from '../forms/EntityFormDrawer';
import type { FormSpec } from '../forms/fieldSpec';
import type { Values } from '../forms/useSchemaForm';
import type { Column } from './columns';
import { ListToolbar } from './ListToolbar';
import { FilterTags } from './FilterTags';
import { FilterSelects, type FilterField } from './FilterSelect';
import { VirtualTable } from './VirtualTable';
import { ListEmpty } from './ListEmpty';
import { ListExportButton } from './ListExportButton';
import { Deferred } from './Deferred';
import { useFixedFilters, useListRoute } from './useListRoute';

export interface FilterApi {
  filters: Record<string, unknown>;
  setFilter: (key: string, value: unknown) => void;
}

export interface EntityListProps<R> {
  store: ListStore<R>;
  columns: Column<R>[];
  testId: string;
  /** What the list holds, for the empty state: "乡镇（街道）". */
  noun: string;
  howToAdd: string;
  searchPlaceholder?: string;
  unit?: string;
  /** Filters declared as data; their keys are shown by the controls, not as tags. */
  filterFields?: readonly FilterField[];
  /** Filter controls that are more than selects (dates, a search box); with `controlled`. */
  filterControls?: (api: FilterApi) => ReactNode;
  /** Filter keys the controls show (the rest appear as tags); from `filterFields` when declared. */
  controlled?: string[];
  form?: { entity: string; label: string; spec: FormSpec; width?: number; defaults?: Values };
  /** A row opens its page (`edit` opens the drawer instead); without this a row opens the drawer. */
  onOpen?: (row: R, edit: () => void) => void;
  actions?: ReactNode;
  onChanged?: () => void;
  /** The name at the top of an exported file (default: “<noun>列表”). */
  exportTitle?: string;
}

function ListBody<R>(p: EntityListProps<R> & { api: FilterApi; tags: ReactNode; filtered: boolean }) {
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState<Record<string, unknown> | null | undefined>(undefined);
  const edit = (row: R) => setEditing(row as Record<string, unknown>);
  const open = p.onOpen ? (row: R) => p.onOpen!(row, () => writer && edit(row)) : p.form && writer ? edit : undefined;
  return (
    <div className="page-fill">
      <ListToolbar
        store={p.store}
        unit={p.unit}
        searchPlaceholder={p.searchPlaceholder}
        filters={
          // The filter selects and the table each mount in a task of their own (Deferred.tsx).
          <Deferred>
            {p.filterFields ? <FilterSelects fields={p.filterFields} {...p.api} /> : p.filterControls?.(p.api)}
          </Deferred>
        }
        actions={
          <>
            {p.actions}
            <ListExportButton store={p.store} columns={p.columns} title={p.exportTitle ?? `${p.noun}列表`} />
            {p.form && writer && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid={`${p.form.entity}-new`}
              >
                新增{p.form.label}
              </Button>
            )}
          </>
        }
      />
      {p.tags}
      <Deferred fallback={<div className="vt" />}>
        <VirtualTable
          store={p.store}
          columns={p.columns}
          testId={p.testId}
          onRowClick={open}
          empty={<ListEmpty store={p.store} noun={p.noun} howToAdd={p.howToAdd} filtered={p.filtered} />}
        />
      </Deferred>
      {p.form && (
        <EntityFormDrawer
          entity={p.form.entity}
          label={p.form.label}
          spec={p.form.spec}
          width={p.form.width}
          defaults={p.form.defaults}
          open={editing !== undefined}
          record={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => p.onChanged?.()}
        />
      )}
    </div>
  );
}

export function RoutedList<R>(props: EntityListProps<R>) {
  const { filters, setFilter, removeFilter, clearFilters } = useListRoute(props.store);
  const tags = (
    <FilterTags
      filters={filters}
      controlled={props.controlled ?? props.filterFields?.map((f) => f.key)}
      onRemove={removeFilter}
      onClear={clearFilters}
      store={props.store}
    />
  );
  return <ListBody {...props} api={{ filters, setFilter }} tags={tags} filtered={Object.keys(filters).length > 0} />;
}

export function EmbeddedList<R>(props: EntityListProps<R> & { fixed: Record<string, unknown> }) {
  useFixedFilters(props.store, props.fixed);
  return (
    <ListBody {...props} api={{ filters: props.fixed, setFilter: () => undefined }} tags={null} filtered={false} />
  );
}
