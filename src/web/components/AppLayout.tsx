import { useState } from 'react';
import { Button, Drawer, Flex, Layout, Menu, theme, Typography, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../modules/auth/auth.schemas';
import { useNarrow } from '../lib/useNarrow';
import { allowedMenuItems, type MenuItem } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { NotificationBell } from './NotificationBell';

const SIDER_KEY = 'yiyuan.siderCollapsed';
/** The side bar's (and antd's dark menu's) background, for the phone's menu drawer. */
const DARK_MENU_BG = '#001529';

type AntdMenuItems = NonNullable<MenuProps['items']>;

/** The menu's items: areas in order, those of a group under one submenu at the group's first place. */
function menuTree(items: MenuItem[], t: (key: string) => string): AntdMenuItems {
  const tree: AntdMenuItems = [];
  const groups = new Map<string, { children: AntdMenuItems }>();
  for (const i of items) {
    const leaf = { key: i.key, icon: i.icon, label: t(i.labelKey) };
    if (!i.group) {
      tree.push(leaf);
      continue;
    }
    let group = groups.get(i.group.key);
    if (!group) {
      group = { children: [] };
      groups.set(i.group.key, group);
      tree.push({
        key: i.group.key,
        icon: i.group.icon,
        label: t(i.group.labelKey),
        children: group.children,
      });
    }
    group.children.push(leaf);
  }
  return tree;
}

function initialCollapsed(): boolean {
  try {
    return window.localStorage.getItem(SIDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** The logo and the areas' menu: in the side bar, or in the drawer on a phone. */
function NavMenu({
  items,
  selected,
  collapsed,
  onOpen,
}: {
  items: MenuItem[];
  selected: MenuItem | undefined;
  collapsed: boolean;
  onOpen: (item: MenuItem) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Flex align="center" justify="center" style={{ height: 56, color: '#fff' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 18 : 20, letterSpacing: 2 }}>
          {collapsed ? t('app.logoShort') : t('app.logo')}
        </Typography.Text>
      </Flex>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={selected ? [selected.key] : []}
        onClick={({ key }) => {
          const item = items.find((i) => i.key === key);
          if (item) onOpen(item);
        }}
        items={menuTree(items, t)}
      />
    </>
  );
}

/**
 * Page frame: side menu with the areas the user may see, header with language and user menu. On a
 * phone the menu is a drawer opened from the header's menu button.
 */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const narrow = useNarrow();
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navItems = me.mustChangePassword ? [] : allowedMenuItems(me);
  // The longest matching path wins: /evaluation/methods is "评价方法", not "亩均评价".
  const selected = navItems
    .filter((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  const toggle = (value: boolean) => {
    setCollapsed(value);
    try {
      window.localStorage.setItem(SIDER_KEY, value ? '1' : '0');
    } catch {
      // ignore
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navItems.length > 0 && !narrow && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={(value, type) => (type === 'clickTrigger' ? toggle(value) : setCollapsed(value))}
          breakpoint="lg"
          trigger={null}
          width={208}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <NavMenu
            items={navItems}
            selected={selected}
            collapsed={collapsed}
            onOpen={(i) => navigate(i.path)}
          />
        </Layout.Sider>
      )}
      {navItems.length > 0 && narrow && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={240}
          closable={false}
          data-testid="menu-drawer"
          styles={{ section: { background: DARK_MENU_BG }, body: { padding: 0 } }}
        >
          <NavMenu
            items={navItems}
            selected={selected}
            collapsed={false}
            onOpen={(i) => {
              setDrawerOpen(false);
              navigate(i.path);
            }}
          />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: narrow ? '0 4px' : '0 16px 0 8px',
            height: 56,
            lineHeight: '56px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {navItems.length > 0 && narrow && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('header.openMenu')}
                  aria-expanded={drawerOpen}
                  data-testid="menu-drawer-open"
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              {navItems.length > 0 && !narrow && (
                <span
                  role="button"
                  tabIndex={0}
                  aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
                  onClick={() => toggle(!collapsed)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') toggle(!collapsed);
                  }}
                  style={{ fontSize: 18, cursor: 'pointer', padding: '0 8px', display: 'inline-flex' }}
                >
                  {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                </span>
              )}
              <Typography.Text
                strong
                ellipsis={{ tooltip: t('app.productName') }}
                style={{ fontSize: 16, paddingLeft: navItems.length ? 0 : 8 }}
              >
                {t('app.productName')}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={narrow ? 4 : 12} style={{ flexShrink: 0 }}>
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu me={me} compact={narrow} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
