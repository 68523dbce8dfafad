import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { passwordProblem, PASSWORD_MAX } from '../../lib/passwordPolicy';
import { usePageTitle } from '../../lib/usePageTitle';
import { useLang } from '../../lib/useLang';
import { homePath } from '../../routes';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  usePageTitle(t('password.title'));

  const username = me?.username ?? '';

  const onFinish = (values: Values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (res) => {
          form.resetFields();
          void message.success(t('password.changed'));
          navigate(homePath(res.user), { replace: true });
        },
        onError: (error) => {
          const unmatched = applyServerErrors(form, error, lang, FIELDS);
          if (!(error instanceof ApiError) || error.details.length === 0 || unmatched.length > 0) {
            setFormError(error);
          }
        },
      },
    );
  };

  return (
    <Flex justify="center">
      <Card title={t('password.title')} style={{ width: 560, maxWidth: '100%' }}>
        {me?.mustChangePassword && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        <Alert
          type="info"
          title={t('password.policyTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('password.policy.length')}</li>
              <li>{t('password.policy.classes')}</li>
              <li>{t('password.policy.username')}</li>
              <li>{t('password.policy.common')}</li>
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
        {formError !== null && (
          <Alert type="error" showIcon title={errorText(formError)} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          name="changePassword"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={change.isPending}
        >
          {/* Lets password managers associate the new password with the account. */}
          <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const problem = passwordProblem(value, username);
                  return problem
                    ? Promise.reject(new Error(t(`password.problem.${problem}`, { max: PASSWORD_MAX })))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX + 1} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX + 1} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
            {!me?.mustChangePassword && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('password.sessionNote')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </Flex>
  );
}
