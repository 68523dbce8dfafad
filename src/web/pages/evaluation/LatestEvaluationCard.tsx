import { Alert, Button, Card, Flex, Typography } from 'antd';
import { BarChartOutlined, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useLatestScorecard } from '../../api/evaluation';
import { formatDate, formatNumber, formatScore } from '../../lib/format';
import { ClassTag, RunStatusTag } from './EvaluationTags';

/**
 * The enterprise's latest per-mu evaluation (亩均评价) in one line, linking to its scorecard.
 * Nothing is shown without a result the user may see, or without the permission.
 */
export function LatestEvaluationCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = hasPermission(me, 'evaluation:read');
  const { data: card } = useLatestScorecard(enterpriseId, allowed);
  const navigate = useNavigate();
  if (!allowed || !card) return null;
  const scorecardPath = `/evaluation/runs/${card.run.id}/enterprises/${enterpriseId}`;
  // The enterprise itself, during the notice: a banner with the way to object.
  const mayObject =
    card.run.status === 'notice' &&
    hasPermission(me, 'evaluation:object') &&
    me?.enterpriseId === enterpriseId;

  return (
    <Card size="small" data-testid="enterprise-evaluation-card">
      {mayObject && (
        <Alert
          type="warning"
          showIcon
          data-testid="enterprise-notice-banner"
          style={{ marginBottom: 12 }}
          styles={{ root: { flexWrap: 'wrap', rowGap: 8 } }}
          title={t('evaluation.scorecard.noticeNote', { date: formatDate(card.run.noticeEndsOn) })}
          action={
            <Button
              type="primary"
              icon={<ExclamationCircleOutlined />}
              data-testid="banner-objection-open"
              onClick={() => navigate(`${scorecardPath}?objection=1`)}
            >
              {t('evaluation.objections.file')}
            </Button>
          }
        />
      )}
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex align="center" wrap gap={12}>
          <Typography.Text strong>
            <BarChartOutlined /> {t('evaluation.latest.title')}
          </Typography.Text>
          <Typography.Text>
            {t('evaluation.run.title', { year: card.run.year, version: card.run.version })}
          </Typography.Text>
          <RunStatusTag status={card.run.status} />
          {card.score !== null && (
            <Typography.Text>
              {t('evaluation.latest.score')}{' '}
              <Typography.Text strong>{formatScore(card.score)}</Typography.Text>
            </Typography.Text>
          )}
          <ClassTag result={card} classes={card.classes} withName />
          {card.rank !== null && (
            <Typography.Text type="secondary">
              {t('evaluation.scorecard.rank', {
                rank: card.rank,
                size: card.cohortSize,
                top: formatNumber(card.topPercent),
              })}
            </Typography.Text>
          )}
        </Flex>
        <Link to={scorecardPath} data-testid="enterprise-scorecard-link">
          {t('evaluation.latest.open')} <RightOutlined />
        </Link>
      </Flex>
    </Card>
  );
}
