import { Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { MyPlatformsCard } from './MyPlatformsCard';
import { ProjectsCard } from './ProjectsCard';
import { RequestsCard } from './RequestsCard';
import { useTranslation } from 'react-i18next';
import { type Cockpit, type CockpitPlatform } from '../../api/cockpit';
import './cockpit.css';
import { BubbleChart, ClusterChart } from './CockpitCharts';
import { nameIn } from './cockpitFormat';
import { type DrillRequest } from './DrillDrawer';
import { RankingTable } from './RankingTable';
import { TargetCards, TargetCardsSkeleton } from './TargetCards';
import { useAfterPaint } from './useAfterPaint';
import { useCockpitMetrics } from './useCockpitMetrics';

export function CockpitSkeleton() {
  return (
    <Flex vertical gap={16} data-testid="cockpit-loading">
      <TargetCardsSkeleton />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

export function CockpitBody({
  data,
  metrics,
  platformCount,
  highlight,
  onDrill,
  onSelectPlatform,
  fetching,
}: {
  data: Cockpit;
  metrics: ReturnType<typeof useCockpitMetrics>;
  platformCount: number;
  highlight: number | null;
  onDrill: (req: DrillRequest) => void;
  onSelectPlatform: (p: CockpitPlatform) => void;
  fetching: boolean;
}) {
  const { t } = useTranslation();
  // The cards first; charts and the ranking once the cards are on screen.
  const painted = useAfterPaint();
  const city = data.platformId === null;
  const noData = data.years.length === 0;
  if (data.targets.length === 0 && data.platforms.length === 0)
    return (
      <Card>
        <Empty description={t('cockpit.empty')} />
      </Card>
    );
  const chartHeight = Math.max(280, data.clusters.length * 34 + 60);
  return (
    <Flex vertical gap={16} style={{ opacity: fetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
      {noData && (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noYears')} />
        </Card>
      )}
      {data.targets.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noTargets')} />
        </Card>
      ) : metrics.ready ? (
        <TargetCards data={data} metrics={metrics} platformCount={platformCount} onDrill={onDrill} />
      ) : (
        <TargetCardsSkeleton count={data.targets.length} />
      )}
      {!painted && (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {painted && city && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12} className="yy-cockpit-half">
            <Card
              size="small"
              title={t('cockpit.clusters.title')}
              extra={<Typography.Text type="secondary">{t('cockpit.clusters.unit')}</Typography.Text>}
              data-testid="cockpit-clusters"
            >
              <ClusterChart data={data} metrics={metrics} height={chartHeight} onDrill={onDrill} />
            </Card>
          </Col>
          <Col xs={24} xl={12} className="yy-cockpit-half">
            <Card size="small" title={t('cockpit.bubbles.title')} data-testid="cockpit-bubbles">
              <BubbleChart
                data={data}
                metrics={metrics}
                highlight={highlight}
                height={chartHeight}
                onSelect={onSelectPlatform}
              />
            </Card>
          </Col>
        </Row>
      )}
      {painted && (
        <Card
          size="small"
          title={city ? t('cockpit.ranking.title') : t('cockpit.ranking.titlePlatform')}
          extra={
            data.evaluation ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('cockpit.ranking.method', {
                  method: nameIn(
                    metrics.lang,
                    data.evaluation.method.name.zh,
                    data.evaluation.method.name.en,
                  ),
                  version: data.evaluation.method.version,
                  leaders: data.evaluation.leaders,
                })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('cockpit.ranking.noEvaluation')}
              </Typography.Text>
            )
          }
          data-testid="cockpit-ranking"
          className="yy-cockpit-ranking-card"
        >
          <RankingTable
            platforms={data.platforms}
            metrics={metrics}
            highlight={highlight}
            onDrill={onDrill}
          />
        </Card>
      )}
      {painted && <MyPlatformsCard />}
      {painted && <RequestsCard />}
      {painted && <ProjectsCard year={data.year} platformId={data.platformId} />}
    </Flex>
  );
}
