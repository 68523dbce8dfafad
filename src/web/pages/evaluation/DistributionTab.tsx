import { useMemo, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDistribution, type DistributionCohort, type EvaluationRunDetail } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInteger, formatNumber } from '../../lib/format';
import { byDataIndex } from '../../charts/tooltips';
import { EvaluationChart, type EvaluationChartOption } from './EvaluationChart';
import { classHexColor, classOfScore, classTagColor, cutLines } from './evaluationFormat';
import { useClassName, useCohortName } from './EvaluationTags';
import { PlatformFilter } from './PlatformFilter';

const HEIGHT = 300;

/** Score histograms per cohort, with the class cut lines (the lowest score of each class). */
export function DistributionTab({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  const [platformId, setPlatformId] = useState<number | undefined>();
  const { data, isPending, error, refetch } = useDistribution(run.id, platformId);
  const cohortName = useCohortName(run.method);

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Text type="secondary">{t('evaluation.distribution.hint')}</Typography.Text>
        <PlatformFilter
          value={platformId}
          onChange={setPlatformId}
          placeholder={t('evaluation.distribution.allPlatforms')}
        />
      </Flex>
      {error ? (
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Row gutter={[16, 16]}>
          {data.map((d) => (
            <Col key={d.cohort} xs={24} xxl={12}>
              <Card size="small" title={cohortName(d.cohort)} data-testid="distribution-card">
                <CohortHistogram run={run} cohort={d} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}

function CohortHistogram({ run, cohort }: { run: EvaluationRunDetail; cohort: DistributionCohort }) {
  const { t } = useTranslation();
  const classes = run.method.classes;
  const className = useClassName(classes);
  const total = cohort.bins.reduce((n, b) => n + b.count, 0);

  const option: EvaluationChartOption = useMemo(() => {
    const { bins, cuts } = cohort;
    const min = bins[0]?.from ?? 0;
    const max = bins[bins.length - 1]?.to ?? 100;
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 30, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: byDataIndex(
          bins.map((b) => [
            t('evaluation.distribution.tooltip', {
              from: formatNumber(b.from),
              to: formatNumber(b.to),
              count: b.count,
            }),
          ]),
        ),
      },
      xAxis: {
        type: 'value',
        min,
        max: max > min ? max : min + 1,
        name: t('evaluation.distribution.score'),
        nameLocation: 'middle',
        nameGap: 26,
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        // Headroom above the tallest bar for the cut-line labels.
        max: (extent: { max: number }) => Math.max(1, Math.ceil(extent.max * 1.2)),
        name: t('evaluation.distribution.count'),
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      series: [
        {
          type: 'bar',
          barWidth: '92%',
          data: bins.map((b) => {
            const cls = classOfScore((b.from + b.to) / 2, cuts);
            return {
              value: [(b.from + b.to) / 2, b.count, b.from, b.to],
              itemStyle: { color: cls ? classHexColor(cls, classes) : '#8c8c8c', opacity: 0.85 },
            };
          }),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', width: 1.5 },
            label: { position: 'end', fontSize: 11 },
            data: cutLines(cuts).map((c, i) => ({
              xAxis: c.minScore,
              lineStyle: { color: classHexColor(c.class, classes) },
              label: {
                formatter: t('evaluation.distribution.cut', {
                  cls: c.class,
                  score: formatNumber(c.minScore),
                }),
                color: classHexColor(c.class, classes),
                // Alternate heights so labels of close cut lines do not overlap.
                offset: [0, i % 2 === 0 ? 0 : 14],
              },
            })),
          },
        },
      ],
    };
  }, [cohort, classes, t]);

  if (total === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.distribution.empty')} />;

  return (
    <Flex vertical gap={8}>
      <EvaluationChart
        option={option}
        height={HEIGHT}
        ariaLabel={t('evaluation.distribution.aria')}
        testId="distribution-chart"
      />
      <Flex wrap gap={8}>
        {[...cohort.cuts]
          .sort((a, b) => b.minScore - a.minScore)
          .map((c) => (
            <Tag key={c.class} color={classTagColor(c.class, classes)} style={{ marginInlineEnd: 0 }}>
              {t('evaluation.distribution.legend', {
                cls: c.class,
                name: className(c.class),
                count: c.count,
                formatted: formatInteger(c.count),
                min: formatNumber(c.minScore),
                max: formatNumber(c.maxScore),
              })}
            </Tag>
          ))}
      </Flex>
    </Flex>
  );
}
