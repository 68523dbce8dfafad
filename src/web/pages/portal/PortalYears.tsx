import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConfirmEnterpriseYear } from '../../api/enterprises';
import type { EnterpriseDetail } from '../../../modules/enterprises/enterprises.schemas';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime, formatInteger, formatNumber } from '../../lib/format';
import {
  fieldName,
  INTEGER_FIELDS,
  YEAR_FIELD_KEYS,
  YEAR_FIELD_UNITS,
} from '../enterprises/enterpriseFields';
import { FlagModal } from '../enterprises/FlagModal';
import { FlagStatus } from '../enterprises/FlagsTable';

/** Years shown on the portal: the latest few (the full table is on the record). */
const YEARS_SHOWN = 3;

/**
 * The enterprise's yearly figures as cards (one per year, phone-first): each year confirmed, or
 * a figure flagged as wrong with a comment; the flags of the year and how they were resolved.
 */
export function PortalYears({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const confirm = useConfirmEnterpriseYear(enterprise.id);
  const [flagging, setFlagging] = useState<number | null>(null);
  const [modalKey, setModalKey] = useState(0);
  const years = [...enterprise.years].sort((a, b) => b.year - a.year).slice(0, YEARS_SHOWN);

  return (
    <Card size="small" title={t('portal.years.title')} data-testid="portal-years">
      {years.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noYears')} />
      )}
      <Flex vertical gap={12}>
        {years.map((y) => {
          const flags = enterprise.flags.filter((f) => f.year === y.year);
          return (
            <Card key={y.year} size="small" type="inner" data-testid={`portal-year-${y.year}`}>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t('portal.years.year', { year: y.year })}</Typography.Text>
                {y.confirmedAt ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('portal.years.confirmedAt', { at: formatDateTime(y.confirmedAt) })}
                  </Tag>
                ) : (
                  <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('enterprise.unconfirmed')}
                  </Tag>
                )}
              </Flex>
              <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
                {YEAR_FIELD_KEYS.filter((k) => y[k] !== null).map((k) => (
                  <Descriptions.Item key={k} label={fieldName(t, k)}>
                    {INTEGER_FIELDS.has(k) ? formatInteger(y[k]) : formatNumber(y[k])}{' '}
                    {t(`units.${YEAR_FIELD_UNITS[k]}`)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {flags.length > 0 && (
                <Flex vertical gap={6} style={{ marginTop: 8 }}>
                  {flags.map((f) => (
                    <Flex key={f.id} vertical gap={2} data-testid={`portal-flag-${f.id}`}>
                      <Typography.Text>
                        {fieldName(t, f.field)}：<span data-user-text>{f.comment}</span>
                      </Typography.Text>
                      <FlagStatus f={f} />
                    </Flex>
                  ))}
                </Flex>
              )}
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                {!y.confirmedAt && (
                  <Popconfirm
                    title={t('enterprise.confirmTitle', { year: y.year })}
                    description={t('enterprise.confirmText')}
                    okText={t('enterprise.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      confirm.mutateAsync(y.year).then(
                        () => void message.success(t('enterprise.confirmedDone', { year: y.year })),
                        (e: unknown) => void message.error(errorText(e)),
                      )
                    }
                  >
                    <Button type="primary" data-testid={`portal-confirm-${y.year}`}>
                      {t('enterprise.confirm')}
                    </Button>
                  </Popconfirm>
                )}
                <Button
                  danger
                  data-testid={`portal-flag-open-${y.year}`}
                  onClick={() => {
                    setModalKey((k) => k + 1);
                    setFlagging(y.year);
                  }}
                >
                  {t('enterprise.flag.action')}
                </Button>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      <FlagModal
        key={`flag-${modalKey}`}
        enterpriseId={enterprise.id}
        year={flagging}
        yearData={enterprise.years.find((y) => y.year === flagging)}
        onClose={() => setFlagging(null)}
      />
    </Card>
  );
}
