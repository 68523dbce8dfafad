import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SUPPLIER_MIN, DEFAULT_WEAK_SHARE, RATINGS, type MapHeader } from '../../api/chainMap';
import { formatPercent } from '../../lib/format';
import { RATING_COLORS } from './ChainTree';

/** The legend and the exact rating rules, with the map's thresholds. */
export function RatingRules({ map, year }: { map: MapHeader | null; year: number | null }) {
  const { t } = useTranslation();
  const share = formatPercent(map?.weakShare ?? DEFAULT_WEAK_SHARE, '—', true);
  const suppliers = map?.supplierMin ?? DEFAULT_SUPPLIER_MIN;
  return (
    <Card size="small" title={t('chainMap.rules.title')} data-testid="rating-rules">
      <Flex vertical gap={6}>
        <Flex gap={8} wrap>
          {RATINGS.map((r) => (
            <Tag key={r} color={RATING_COLORS[r]} data-testid={`legend-${r}`}>
              {t(`chainMap.rating.${r}`)}
            </Tag>
          ))}
        </Flex>
        <Typography.Text>
          <Tag color={RATING_COLORS.missing}>{t('chainMap.rating.missing')}</Tag>
          {t('chainMap.rules.missing')}
        </Typography.Text>
        <Typography.Text>
          <Tag color={RATING_COLORS.weak}>{t('chainMap.rating.weak')}</Tag>
          {t('chainMap.rules.weak', { share })}
        </Typography.Text>
        <Typography.Text>
          <Tag color={RATING_COLORS.strong}>{t('chainMap.rating.strong')}</Tag>
          {t('chainMap.rules.strong', { suppliers })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('chainMap.rules.notes', { year: year ?? '—' })}</Typography.Text>
      </Flex>
    </Card>
  );
}
