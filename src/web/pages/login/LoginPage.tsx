import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../api/auth';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { homePath } from '../../routes';
import type { Me } from '../../../modules/auth/auth.schemas';
import { MfaStep } from './MfaStep';
import { resetNoticeText } from './resetNotice';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const login = useLogin();
  const { notification } = App.useApp();
  const [mfaStep, setMfaStep] = useState(false);
  usePageTitle(t('login.title'));

  if (me && !login.isSuccess) return <Navigate to={homePath(me)} replace />;

  const enter = (user: Me) => {
    // Tell the owner when an administrator reset the password recently (and when it was used).
    const notice = resetNoticeText(user, t);
    if (notice) notification.warning({ title: t('mfa.resetTitle'), description: notice, duration: 0 });
    navigate(homePath(user), { replace: true });
  };

  const onFinish = (values: LoginValues) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: (res) => ('mfaRequired' in res ? setMfaStep(true) : enter(res.user)) },
    );
  };

  return (
    <Flex
      vertical
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e8f0fb 0%, #f5f7fa 60%)' }}
    >
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 80px' }}>
        <Card style={{ width: 380, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
              {t('app.productName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {mfaStep ? (
            <MfaStep onDone={enter} onBack={() => setMfaStep(false)} />
          ) : (
            <>
              {login.error && (
                <Alert
                  type="error"
                  showIcon
                  title={errorText(login.error)}
                  style={{ marginBottom: 16 }}
                  data-testid="login-error"
                />
              )}
              <Form<LoginValues>
                name="login"
                layout="vertical"
                requiredMark={false}
                onFinish={onFinish}
                disabled={login.isPending}
              >
                <Form.Item
                  name="username"
                  label={t('login.username')}
                  rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
                >
                  <Input
                    prefix={<UserOutlined />}
                    autoComplete="username"
                    autoFocus
                    maxLength={64}
                    data-testid="login-username"
                  />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('login.password')}
                  rules={[{ required: true, message: t('login.passwordRequired') }]}
                >
                  <Input.Password
                    prefix={<LockOutlined />}
                    autoComplete="current-password"
                    maxLength={256}
                    data-testid="login-password"
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  loading={login.isPending}
                  data-testid="login-submit"
                >
                  {t('login.submit')}
                </Button>
              </Form>
            </>
          )}
        </Card>
      </Flex>
    </Flex>
  );
}
