import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { useReferenceMaps } from '../api/reference';
import type { Me } from '../../modules/auth/auth.schemas';
import { localName, useLang } from '../lib/useLang';

/** The account's menu; `compact` (phones): the avatar only, the name and role head the menu. */
export function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const logout = useLogout();
  const { roles } = useReferenceMaps();
  const roleName = localName(roles.get(me.role), lang) ?? t(`roles.${me.role}`, { defaultValue: me.role });

  const name = me.displayName || me.username;
  const items: MenuProps['items'] = [
    ...(compact
      ? [
          {
            key: 'me',
            disabled: true,
            label: (
              <Flex vertical style={{ lineHeight: 1.3 }} data-testid="user-menu-identity">
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary">{roleName}</Typography.Text>
              </Flex>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
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
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={compact ? `${name} · ${roleName}` : undefined}
        style={{ height: 48, paddingInline: compact ? 6 : 8 }}
      >
        <Flex align="center" gap={compact ? 4 : 8}>
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && (
            <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
                {name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {roleName}
              </Typography.Text>
            </Flex>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
