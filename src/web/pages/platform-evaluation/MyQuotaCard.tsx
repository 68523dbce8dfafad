import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PlatformEvaluation, type PlatformScore } from '../../api/platformEvaluation';
import { formatDateTime, formatSetting } from '../../lib/format';
import { formatExact, formatUnits } from './peFormat';

/** A platform admin's own quota: units received, the share behind them, and the pool. */
export function MyQuotaCard({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  const pool = data.pool;
  const kept = pool.snapshot?.platforms.find((p) => p.platformId === platform.platformId);
  return (
    <Card
      size="small"
      title={t('platformEvaluation.myQuota.title', { year: data.year })}
      data-testid="pe-my-quota"
    >
      <Flex vertical gap={12}>
        {pool.confirmedAt ? (
          <Alert
            type="success"
            showIcon
            title={t('platformEvaluation.myQuota.confirmed', { when: formatDateTime(pool.confirmedAt) })}
          />
        ) : (
          <Alert type="info" showIcon title={t('platformEvaluation.myQuota.provisional')} />
        )}
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.col.land')}
              value={formatUnits(kept?.landMu ?? platform.land.units)}
              suffix={`${t('units.mu')} / ${formatUnits(pool.landMu)}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.col.energy')}
              value={formatUnits(kept?.energyTce ?? platform.energy.units)}
              suffix={`${t('units.tce')} / ${formatUnits(pool.energyTce)}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.threshold')}
              value={formatSetting(pool.threshold)}
              suffix={t('platformEvaluation.pointsUnit')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.myQuota.exact')}
              value={platform.land.eligible ? formatExact(platform.land.exact) : '—'}
              suffix={t('units.mu')}
            />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {platform.land.eligible
            ? t('platformEvaluation.allocation.rule')
            : t('platformEvaluation.scorecard.belowThreshold', { threshold: formatSetting(pool.threshold) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
