import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { useLatestScorecard } from '../../api/evaluation';
import { formatScore } from '../../lib/format';
import { RunStatusTag } from '../evaluation/EvaluationTags';

/** The enterprise's class (亩均评价等级) year by year, each linking to that year's scorecard. */
export function PortalClassHistory({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = hasPermission(me, 'evaluation:read');
  const { data: card } = useLatestScorecard(enterpriseId, allowed);
  if (!allowed || !card || card.history.length === 0) return null;
  const history = [...card.history].sort((a, b) => b.year - a.year);
  return (
    <Card size="small" title={t('portal.classes.title')} data-testid="portal-class-history">
      <Flex vertical gap={8}>
        {history.map((h) => (
          <Link key={h.runId} to={`/evaluation/runs/${h.runId}/enterprises/${enterpriseId}`}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text>{t('portal.years.year', { year: h.year })}</Typography.Text>
              <Flex align="center" gap={8} wrap>
                <Tag style={{ marginInlineEnd: 0 }}>{h.class ?? t('portal.classes.none')}</Tag>
                <Typography.Text type="secondary">
                  {t('portal.classes.score', { score: formatScore(h.score) })}
                </Typography.Text>
                <RunStatusTag status={h.status} />
              </Flex>
            </Flex>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
