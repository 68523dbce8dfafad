import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import type { Role as RoleCode } from '../../../modules/auth/core/access';
import type { ScopeOptions, User } from '../../../modules/users/users.schemas';
import { CodeSelect } from '../../components/CodeSelect';
import { useEditForm } from '../../components/useEditForm';
import { useErrorText } from '../../lib/errorText';

export interface UserFormValues {
  username: string;
  displayName: string;
  role?: RoleCode;
  platformId?: number;
  enterpriseId?: number;
  departmentId?: number;
}

const FIELDS = ['username', 'displayName', 'role', 'platformId', 'enterpriseId', 'departmentId'] as const;

/** The scope fields an account of `role` keeps from the form (the others are cleared). */
export function scopeFor(role: string | undefined, v: UserFormValues) {
  return {
    platformId: role === 'platform_admin' || role === 'commissioner' ? (v.platformId ?? null) : null,
    enterpriseId: role === 'enterprise' ? (v.enterpriseId ?? null) : null,
    departmentId: role === 'department' ? (v.departmentId ?? null) : null,
  };
}

/** Names of the platforms, enterprises and departments accounts are scoped to, by id. */
export function scopeNames(scope: ScopeOptions | undefined, english: boolean) {
  return {
    platforms: new Map((scope?.platforms ?? []).map((p) => [p.id, p.name])),
    enterprises: new Map((scope?.enterprises ?? []).map((e) => [e.id, e.name])),
    departments: new Map(
      (scope?.departments ?? []).map((d) => [d.id, english && d.nameEn ? d.nameEn : d.name]),
    ),
  };
}

interface Props {
  open: boolean;
  /** The user being edited; undefined to create one. */
  user?: User;
  scope: ScopeOptions | undefined;
  saving: boolean;
  onCancel: () => void;
  onSubmit: (values: UserFormValues) => Promise<unknown>;
}

export function UserFormModal({ open, user, scope, saving, onCancel, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const errorText = useErrorText();
  const { data: reference } = useReference();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  // Users carry no version: no conflict to handle; a modal closes rather than guards.
  const { error, setError, onError } = useEditForm(form, {
    fields: FIELDS,
    fieldOf: (e) => (e.code === 'DUPLICATE_USERNAME' ? 'username' : undefined),
    unmatched: 'error',
    guard: false,
  });

  const initialValues: UserFormValues = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        platformId: user.platformId ?? undefined,
        enterpriseId: user.enterpriseId ?? undefined,
        departmentId: user.departmentId ?? undefined,
      }
    : { username: '', displayName: '' };

  const submit = async () => {
    let values: UserFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      onError(e);
    }
  };

  const enterprises = scope?.enterprises ?? [];

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.newTitle')}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      afterClose={() => setError(null)}
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<UserFormValues>
        name="user"
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={initialValues}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <CodeSelect items={reference?.roles} placeholder={t('common.select')} />
        </Form.Item>
        {(role === 'platform_admin' || role === 'commissioner') && (
          // A commissioner may belong to a platform (its own commissioners) or to the city.
          <Form.Item
            name="platformId"
            label={t('users.platform')}
            rules={[{ required: role === 'platform_admin', message: t('validation.required') }]}
          >
            <Select
              allowClear={role === 'commissioner'}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.select')}
              loading={scope === undefined}
              options={(scope?.platforms ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item
            name="enterpriseId"
            label={t('users.enterprise')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.select')}
              loading={scope === undefined}
              notFoundContent={t('users.noEnterprises')}
              options={enterprises.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
            />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item
            name="departmentId"
            label={t('users.department')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.select')}
              loading={scope === undefined}
              options={(scope?.departments ?? []).map((d) => ({
                value: d.id,
                label: english && d.nameEn ? d.nameEn : d.name,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
