import { useState } from 'react';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Clipboard API where available (secure contexts), else the older selection-based copy. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.body.removeChild(area);
  }
}

interface Props {
  open: boolean;
  username: string;
  password: string;
  onClose: () => void;
}

/** Shows a one-time password once, with a copy button and a warning. */
export function OneTimePasswordModal({ open, username, password, onClose }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  const copy = async () => {
    setCopied((await copyText(password)) ? 'yes' : 'failed');
  };

  return (
    <Modal
      open={open}
      title={t('users.otp.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      afterClose={() => setCopied('no')}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.otp.done')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={t('users.otp.warning')} />
        <Typography.Text>{t('users.otp.forUser', { username })}</Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text
            code
            data-testid="one-time-password"
            style={{ fontSize: 20, userSelect: 'all', padding: '4px 8px' }}
          >
            {password}
          </Typography.Text>
          <Button icon={copied === 'yes' ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
            {copied === 'yes' ? t('users.otp.copied') : t('users.otp.copy')}
          </Button>
        </Flex>
        {copied === 'failed' && <Typography.Text type="danger">{t('users.otp.copyFailed')}</Typography.Text>}
      </Flex>
    </Modal>
  );
}
