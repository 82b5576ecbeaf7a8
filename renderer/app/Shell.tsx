import { Layout } from 'antd';
import { NavMenu } from './NavMenu';
import { HeaderBar } from './HeaderBar';
import { PageOutlet } from './PageOutlet';

export function Shell() {
  return (
    <Layout className="shell">
      <Layout.Sider width={196} className="shell-sider">
        <div className="brand">普查办工作台</div>
        <NavMenu />
      </Layout.Sider>
      <Layout className="shell-main">
        <Layout.Header className="shell-header">
          <HeaderBar />
        </Layout.Header>
        <Layout.Content className="shell-content">
          <PageOutlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
