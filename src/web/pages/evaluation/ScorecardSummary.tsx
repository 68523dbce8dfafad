import type { DescriptionsProps } from 'antd';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Scorecard } from '../../api/evaluation';
import { formatNumber, formatScore } from '../../lib/format';
import { useNarrow } from '../../lib/useNarrow';
import './evaluation.css';
import { formatShare, formatYuan } from './evaluationFormat';
import { ClassTag } from './EvaluationTags';

export function ScoreSummary({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const adjustments = card.adjustments.reduce((n, a) => n + a.points, 0);
  return (
    <Card size="small" title={t('evaluation.scorecard.result')} style={{ height: '100%' }}>
      <Flex vertical gap={10} align="start">
        {card.status === 'merged' ? (
          <Typography.Text>
            {t('evaluation.scorecard.merged')}{' '}
            {card.mergedInto && (
              <Link to={`/evaluation/runs/${card.run.id}/enterprises/${card.mergedInto}`}>
                {t('evaluation.scorecard.landholder')}
              </Link>
            )}
          </Typography.Text>
        ) : (
          <Flex align="baseline" gap={8}>
            <Typography.Text
              style={{ fontSize: 44, fontWeight: 600, lineHeight: 1 }}
              data-testid="scorecard-score"
            >
              {card.score === null ? '—' : formatScore(card.score)}
            </Typography.Text>
            <Typography.Text type="secondary">{t('evaluation.scorecard.pointsUnit')}</Typography.Text>
          </Flex>
        )}
        <ClassTag result={card} classes={card.classes} withName large />
        {card.rank !== null && (
          <Typography.Text data-testid="scorecard-rank">
            {t('evaluation.scorecard.rank', {
              rank: card.rank,
              size: card.cohortSize,
              top: formatNumber(card.topPercent),
            })}
          </Typography.Text>
        )}
        {card.status !== 'merged' && (
          <Typography.Text type="secondary" style={{ fontSize: narrow ? 14 : 12 }}>
            {t('evaluation.scorecard.composition', {
              items: formatScore(card.itemsTotal),
              adjustments: `${adjustments >= 0 ? '+' : ''}${formatScore(adjustments)}`,
            })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

export function PolicyEffects({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const { landUseTaxRelief: relief, electricitySurcharge: surcharge, energyQuota: quota } = card.policies;
  const none = <Typography.Text type="secondary">{t('evaluation.scorecard.policyNone')}</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    {
      key: 'relief',
      label: t('evaluation.scorecard.relief'),
      children:
        relief && relief.share > 0 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong style={{ color: '#389e0d' }}>
              {t('evaluation.scorecard.yuanPerYear', { yuan: formatYuan(relief.yuan) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.scorecard.reliefShare', { share: formatShare(relief.share, true) })}
            </Typography.Text>
          </Flex>
        ) : (
          none
        ),
    },
    {
      key: 'surcharge',
      label: t('evaluation.scorecard.surcharge'),
      children:
        surcharge && surcharge.yuanPerKwh > 0 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong type="danger">
              {t('evaluation.scorecard.yuanPerYear', { yuan: formatYuan(surcharge.yuan) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.scorecard.surchargeRate', {
                rate: surcharge.yuanPerKwh,
                years: surcharge.consecutiveYears,
              })}
            </Typography.Text>
          </Flex>
        ) : (
          none
        ),
    },
    {
      key: 'quota',
      label: t('evaluation.scorecard.energyQuota'),
      children:
        quota && quota.factor !== 1 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong style={{ color: '#d46b08' }}>
              {t('evaluation.scorecard.quotaFactor', { share: formatShare(quota.factor, true) })}
            </Typography.Text>
            {quota.quotaTce !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('evaluation.scorecard.quotaValue', {
                  quota: formatNumber(quota.quotaTce),
                  change: formatNumber(quota.changeTce),
                })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          none
        ),
    },
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.policies')} style={{ height: '100%' }}>
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 136 } }} />
    </Card>
  );
}
