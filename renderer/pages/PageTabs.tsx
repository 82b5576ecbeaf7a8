// Tabs whose choice lives in the route (`?tab=`), so dashboard links and the back button land on
// the right tab. Switching tabs drops the other tab's filters.
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { href, navigate, useRoute } from '../router/route';
import { PageHead } from './PageHead';

interface Props {
  tabs: { key: string; label: string; render: () => ReactNode }[];
}

export function PageTabs({ tabs }: Props) {
  const route = useRoute();
  const active = tabs.some((t) => t.key === route.query.tab) ? route.query.tab : tabs[0].key;
  return (
    <Tabs
      className="page-tabs"
      activeKey={active}
      destroyOnHidden
      onChange={(tab) => void navigate(href(`/${route.path.join('/')}`, { tab }))}
      items={tabs.map((t) => ({
        key: t.key,
        label: <span data-testid={`tab-${t.key}`}>{t.label}</span>,
        children: t.key === active ? t.render() : null,
      }))}
    />
  );
}

/** A section's page: its title over its tabs. */
export function TabbedPage({ title, tabs }: Props & { title: string }) {
  return (
    <div className="page">
      <PageHead title={title} />
      <PageTabs tabs={tabs} />
    </div>
  );
}
