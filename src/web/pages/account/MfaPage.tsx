import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecoveryCodes } from '../../../modules/auth/auth.schemas';
import { useConfirmMfaEnrolment, useMe, useStartMfaEnrolment } from '../../api/auth';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { homePath } from '../../routes';
import { resetNoticeText } from '../login/resetNotice';

/** Two-factor authentication of the own account: set-up with a QR code, recovery codes once. */
export function MfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfaEnrolment();
  const [codes, setCodes] = useState<RecoveryCodes | null>(null);
  usePageTitle(t('mfa.title'));
  const notice = me ? resetNoticeText(me, t, 0) : null;

  return (
    <Flex vertical gap={16} align="center">
      {notice && (
        <Alert
          type="warning"
          showIcon
          title={t('mfa.resetTitle')}
          description={notice}
          style={{ width: 560, maxWidth: '100%' }}
        />
      )}
      <Card title={t('mfa.title')} style={{ width: 560, maxWidth: '100%' }}>
        {codes ? (
          <>
            <Alert type="success" showIcon title={t('mfa.codesTitle')} description={t('mfa.codesHint')} />
            <pre data-testid="recovery-codes" style={{ fontSize: 16, lineHeight: 1.8, margin: '16px 0' }}>
              {codes.recoveryCodes.join('\n')}
            </pre>
            <Button
              type="primary"
              onClick={() => me && navigate(homePath({ ...me, mfaEnrolmentRequired: false }))}
            >
              {t('mfa.done')}
            </Button>
          </>
        ) : me?.mfaEnabled ? (
          <Alert type="success" showIcon title={t('mfa.enabled')} />
        ) : (
          <>
            <Alert
              type={me?.mfaEnrolmentRequired ? 'warning' : 'info'}
              showIcon
              title={me?.mfaEnrolmentRequired ? t('mfa.required') : t('mfa.off')}
              style={{ marginBottom: 16 }}
            />
            {(start.error ?? confirm.error) && (
              <Alert
                type="error"
                showIcon
                title={errorText(start.error ?? confirm.error)}
                style={{ marginBottom: 16 }}
              />
            )}
            {!start.data ? (
              <Button
                type="primary"
                loading={start.isPending}
                onClick={() => start.mutate()}
                data-testid="mfa-start"
              >
                {t('mfa.start')}
              </Button>
            ) : (
              <Flex vertical gap={12}>
                <Typography.Text>{t('mfa.scan')}</Typography.Text>
                <QRCode value={start.data.uri} size={200} data-testid="mfa-qr" />
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="mfa-secret">
                  {start.data.secret}
                </Typography.Text>
                <Form<{ code: string }>
                  layout="inline"
                  disabled={confirm.isPending}
                  onFinish={(v) => confirm.mutate({ code: v.code.trim() }, { onSuccess: setCodes })}
                >
                  <Form.Item
                    name="code"
                    rules={[{ required: true, pattern: /^\d{6}$/, message: t('mfa.confirmCode') }]}
                  >
                    <Input
                      placeholder={t('mfa.confirmCode')}
                      inputMode="numeric"
                      maxLength={6}
                      autoComplete="one-time-code"
                      data-testid="mfa-confirm-code"
                    />
                  </Form.Item>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={confirm.isPending}
                    data-testid="mfa-confirm"
                  >
                    {t('mfa.confirm')}
                  </Button>
                </Form>
              </Flex>
            )}
          </>
        )}
      </Card>
    </Flex>
  );
}
