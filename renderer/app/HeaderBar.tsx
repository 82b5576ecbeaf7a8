// The office at the top left, the operator at the top right.
import { Button, Space, Tag } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../stores/session';
import { confirmDiscard } from './leaveGuard';

export function HeaderBar() {
  const office = useSession((s) => s.office);
  const operator = useSession((s) => s.operator);
  return (
    <div className="header-bar">
      <div className="header-office" data-testid="office-name">
        <span className="header-unit">{office?.unitName ?? '（尚未填写单位信息）'}</span>
        {office && <span className="header-census">{office.censusName}</span>}
      </div>
      <Space>
        <UserOutlined />
        <span data-testid="operator-name">{operator?.name}</span>
        <Tag>{operator?.role}</Tag>
        <Button
          size="small"
          icon={<LogoutOutlined />}
          onClick={() =>
            void confirmDiscard().then((ok) => {
              if (ok) void useSession.getState().logout();
            })
          }
        >
          退出登录
        </Button>
      </Space>
    </div>
  );
}
