import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { useReferenceMaps } from '../api/reference';
import type { Me } from '../../modules/auth/auth.schemas';
import { localName, useLang } from '../lib/useLang';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const logout = useLogout();
  const { roles } = useReferenceMaps();
  const roleName = localName(roles.get(me.role), lang) ?? t(`roles.${me.role}`, { defaultValue: me.role });

  const items: MenuProps['items'] = [
    ...(me.mustChangePassword
      ? []
      : [
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: <span data-testid="change-password">{t('header.changePassword')}</span>,
          },
          {
            key: 'mfa',
            icon: <SafetyOutlined />,
            label: <span data-testid="account-mfa">{t('mfa.title')}</span>,
          },
          { type: 'divider' as const },
        ]),
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('header.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'mfa') navigate('/account/mfa');
    if (key === 'logout') {
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 48, paddingInline: 8 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
            <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
              {me.displayName || me.username}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {roleName}
            </Typography.Text>
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
