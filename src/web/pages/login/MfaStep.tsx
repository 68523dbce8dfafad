import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../modules/auth/auth.schemas';
import { useVerifyMfa } from '../../api/auth';
import { useErrorText } from '../../lib/errorText';

/** The second login step: the password was right, a code of the authenticator app is awaited. */
export function MfaStep({ onDone, onBack }: { onDone: (me: Me) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const verify = useVerifyMfa();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('login.mfaTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.mfaHint')}</Typography.Paragraph>
      {verify.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(verify.error)}
          style={{ marginBottom: 16 }}
          data-testid="mfa-error"
        />
      )}
      <Form<{ code: string }>
        name="mfa"
        layout="vertical"
        requiredMark={false}
        disabled={verify.isPending}
        onFinish={(values) =>
          verify.mutate({ code: values.code.trim() }, { onSuccess: (res) => onDone(res.user) })
        }
      >
        <Form.Item
          name="code"
          label={t('login.mfaCode')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            autoComplete="one-time-code"
            inputMode="numeric"
            autoFocus
            maxLength={40}
            data-testid="mfa-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="mfa-submit">
          {t('login.mfaSubmit')}
        </Button>
        <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
          {t('login.mfaBack')}
        </Button>
      </Form>
    </>
  );
}
