// The left navigation: the areas of the route table (app/screens.tsx) this operator may open.
import { Menu } from 'antd';
import { href, navigate, useRoute } from '../router/route';
import { useSession } from '../stores/session';
import { areasFor, levelOf } from './resolveScreen';

export function NavMenu() {
  const page = useRoute((r) => r.path[0]);
  const operator = useSession((s) => s.operator);
  const level = levelOf(useSession((s) => s.office));
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[page]}
      items={areasFor(operator, level).map((a) => ({
        key: a.key,
        icon: a.icon,
        label: <span data-testid={`nav-${a.key}`}>{a.label}</span>,
      }))}
      onClick={({ key }) => void navigate(href(`/${key}`))}
    />
  );
}
