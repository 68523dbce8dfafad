import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { App, Button, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResetMfaButton } from './ResetMfaButton';
import { useMe } from '../../api/auth';
import { downloadUrl } from '../../api/client';
import { useReferenceMaps } from '../../api/reference';
import type { User, UserCreate, UserPatch } from '../../../modules/users/users.schemas';
import {
  useCreateUser,
  useResetPassword,
  useScopeOptions,
  useUnlockUser,
  useUpdateUser,
  useUsers,
} from '../../api/users';
import { ExportButton, ListPage } from '../../components/ListPage';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { scopeFor, scopeNames, UserFormModal, type UserFormValues } from './UserFormModal';

export function isLocked(u: User, now = Date.now()): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > now;
}

const positive = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The search and the page of the list, read from the address. */
function parseQuery(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), 20),
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const { roles } = useReferenceMaps();
  const { data, isPending, isFetching, error, refetch } = useUsers();
  const { data: scope } = useScopeOptions();
  const create = useCreateUser();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);
  const { query, update: setQuery } = useQueryParams(parseQuery);
  const search = query.q;
  const setSearch = (q: string) => setQuery({ q });
  usePageTitle(t('users.title'));

  const names = useMemo(() => scopeNames(scope, lang.startsWith('en')), [scope, lang]);

  const users = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = data?.items ?? [];
    return q
      ? all.filter((u) => u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q))
      : all;
  }, [data, search]);

  const onSubmit = async (values: UserFormValues) => {
    if (editing === 'new') {
      if (!values.role) return; // the form requires a role
      const input: UserCreate = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
      };
      const s = scopeFor(values.role, values);
      if (s.platformId !== null) input.platformId = s.platformId;
      if (s.enterpriseId !== null) input.enterpriseId = s.enterpriseId;
      if (s.departmentId !== null) input.departmentId = s.departmentId;
      const res = await create.mutateAsync(input);
      setEditing(null);
      setOtp({ username: res.user.username, password: res.oneTimePassword });
    } else if (editing) {
      const patch: UserPatch = {
        displayName: values.displayName.trim(),
        role: values.role,
        ...scopeFor(values.role, values),
      };
      await update.mutateAsync({ id: editing.id, patch });
      setEditing(null);
      void message.success(t('users.saved'));
    }
  };

  const run = (p: Promise<unknown>, ok: string) =>
    p.then(
      () => void message.success(ok),
      (e: unknown) => void message.error(errorText(e)),
    );

  const columns: TableProps<User>['columns'] = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      sorter: (a, b) => a.username.localeCompare(b.username),
      width: 120,
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    {
      key: 'role',
      title: t('users.role'),
      width: 110,
      sorter: (a, b) => a.role.localeCompare(b.role),
      render: (_, u) => localName(roles.get(u.role), lang) ?? u.role,
    },
    {
      key: 'scope',
      title: t('users.scope'),
      width: 170,
      render: (_, u) => {
        if (u.platformId !== null) return names.platforms.get(u.platformId) ?? `#${u.platformId}`;
        if (u.enterpriseId !== null) return names.enterprises.get(u.enterpriseId) ?? `#${u.enterpriseId}`;
        if (u.departmentId !== null) return names.departments.get(u.departmentId) ?? `#${u.departmentId}`;
        return <Typography.Text type="secondary">{t('users.scopeAll')}</Typography.Text>;
      },
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 150,
      render: (_, u) => {
        const tags = [];
        if (u.disabled)
          tags.push(
            <Tag key="d" color="red">
              {t('users.disabled')}
            </Tag>,
          );
        if (isLocked(u))
          tags.push(
            <Tag key="l" color="orange">
              {t('users.locked')}
            </Tag>,
          );
        if (u.mustChangePassword)
          tags.push(
            <Tag key="m" color="gold">
              {t('users.mustChange')}
            </Tag>,
          );
        if (tags.length === 0)
          tags.push(
            <Tag key="a" color="green">
              {t('users.active')}
            </Tag>,
          );
        return (
          <Flex wrap gap={4}>
            {tags}
          </Flex>
        );
      },
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      width: 150,
      render: (_, u) => formatDateTime(u.lastLoginAt, t('users.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 200,
      render: (_, u) => {
        const self = me?.id === u.id;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t('common.edit')}
            </Button>
            {!self && (
              <Popconfirm
                title={
                  u.disabled
                    ? t('users.enableConfirm', { username: u.username })
                    : t('users.disableConfirm', { username: u.username })
                }
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  run(
                    update.mutateAsync({ id: u.id, patch: { disabled: !u.disabled } }),
                    u.disabled ? t('users.enabled') : t('users.disabledDone'),
                  )
                }
              >
                <Button type="link" size="small" danger={!u.disabled}>
                  {u.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Popconfirm>
            )}
            {isLocked(u) && (
              <Button
                type="link"
                size="small"
                onClick={() => void run(unlock.mutateAsync(u.id), t('users.unlocked'))}
              >
                {t('users.unlock')}
              </Button>
            )}
            {!self && u.mfaEnabled && <ResetMfaButton id={u.id} />}
            {!self && (
              <Popconfirm
                title={t('users.resetConfirm', { username: u.username })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  reset.mutateAsync(u.id).then(
                    (res) => setOtp({ username: res.user.username, password: res.oneTimePassword }),
                    (e: unknown) => void message.error(errorText(e)),
                  )
                }
              >
                <Button type="link" size="small">
                  {t('users.resetPassword')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <ListPage<User>
        title={t('users.title')}
        actions={
          <>
            <ExportButton href={downloadUrl('/users/export.xlsx')} testId="users-export" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('users.new')}
            </Button>
          </>
        }
        error={error}
        onRetry={() => void refetch()}
        above={
          <Flex style={{ padding: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('users.search')}
              aria-label={t('users.search')}
              defaultValue={search}
              onSearch={setSearch}
              onChange={(e) => e.target.value === '' && setSearch('')}
              style={{ width: 260 }}
            />
          </Flex>
        }
        table={{
          'data-testid': 'user-table',
          columns,
          dataSource: users,
          loading: isPending || isFetching,
          scroll: { x: 1020 },
        }}
        empty={undefined}
        paging={{
          page: query.page,
          pageSize: query.pageSize,
          onChange: (p, size) =>
            setQuery(size !== query.pageSize ? { pageSize: size, page: 1 } : { page: p }, false),
        }}
      />
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' || editing === null ? undefined : editing}
        scope={scope}
        saving={create.isPending || update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      />
      <OneTimePasswordModal
        open={otp !== null}
        username={otp?.username ?? ''}
        password={otp?.password ?? ''}
        onClose={() => setOtp(null)}
      />
    </>
  );
}
