import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useRevealPhone, type EnterpriseContact } from '../../api/enterprises';
import { useErrorText } from '../../lib/errorText';

/** How long a revealed number stays on screen before it is masked again. */
const SHOWN_MS = 30_000;

/**
 * A contact's phone number: masked as the server sends it; users allowed to reveal (task force,
 * platform administrators) may show it whole for a short while. Each reveal is audited server-side.
 */
export function ContactPhone({
  enterpriseId,
  contact,
}: {
  enterpriseId: number;
  contact: EnterpriseContact;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const reveal = useRevealPhone();
  const [whole, setWhole] = useState<string | null>(null);

  useEffect(() => {
    if (whole === null) return;
    const timer = setTimeout(() => setWhole(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [whole]);

  if (!contact.phone) return <Typography.Text type="secondary">—</Typography.Text>;
  const allowed = hasPermission(me, 'contact:reveal');
  return (
    <Flex align="center" gap={4} wrap>
      <span style={{ fontFamily: 'monospace' }} data-testid={`contact-phone-${contact.id}`}>
        {whole ?? contact.phone}
      </span>
      {allowed &&
        (whole === null ? (
          <Tooltip title={t('enterprise.contact.revealTitle')}>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() =>
                reveal.mutate(
                  { enterpriseId, contactId: contact.id },
                  {
                    onSuccess: (res) => setWhole(res.phone),
                    onError: (error) => void message.error(errorText(error)),
                  },
                )
              }
            >
              {t('enterprise.contact.reveal')}
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setWhole(null)}>
            {t('enterprise.contact.hide')}
          </Button>
        ))}
    </Flex>
  );
}
