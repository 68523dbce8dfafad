import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cockpit, TargetCard } from '../../api/cockpit';
import { LazyCockpitChart } from './LazyCockpitChart';
import {
  COMPARATOR_SYMBOL,
  isReportedOnly,
  nameIn,
  percentOf,
  SOURCE_TAG,
  STATUS_COLOR,
  STATUS_TAG,
} from './cockpitFormat';
import type { DrillRequest } from './DrillDrawer';
import { DrillValue } from './DrillValue';
import { ProjectionText, useSparkline } from './TargetCardParts';
import {} from './TargetCards';
import type { CockpitMetrics } from './useCockpitMetrics';

const { Text } = Typography;

type CardState = 'assessed' | 'platform_share' | 'city_only' | 'no_data';

export function TargetCardView({
  card,
  data,
  metrics,
  platformCount,
  onDrill,
}: {
  card: TargetCard;
  data: Cockpit;
  metrics: CockpitMetrics;
  platformCount: number;
  onDrill: (req: DrillRequest) => void;
}) {
  const { t } = useTranslation();
  const { lang } = metrics;
  const { target, assessment: a } = card;
  const info = metrics.info(target.metric);
  const reportedOnly = isReportedOnly(info);
  const code = target.code;
  const name = nameIn(lang, target.nameZh, target.nameEn);
  const fmt = (v: number | null | undefined, exact = false) => metrics.format(target.metric, v, { exact });
  const platformScope = data.platformId !== null;
  const year = data.year;

  // A platform is assessed on rates, not on totals: those cards show the platform's part of the city.
  const state: CardState = card.applies
    ? a.value === null
      ? 'no_data'
      : 'assessed'
    : a.value !== null
      ? 'platform_share'
      : card.cityValue !== null
        ? 'city_only'
        : 'no_data';
  // With nobody reporting, the server calls a reported-only metric "computed": it is reported.
  const source = reportedOnly ? 'reported' : card.source;

  const statusKey = !card.applies
    ? 'notApplicable'
    : a.achieved && a.status === 'on_track'
      ? 'achieved'
      : a.status;
  const statusColor = card.applies ? STATUS_COLOR[a.status] : STATUS_COLOR.no_data;

  const drill = () =>
    onDrill({
      metric: target.metric,
      platformId: data.platformId ?? undefined,
      title: name,
      code,
    });

  const noDataReason = (() => {
    if (card.reportedBy !== null && reportedOnly && !platformScope)
      return t('cockpit.card.awaitingReports', { count: card.reportedBy, total: platformCount });
    if (reportedOnly) return t('cockpit.card.awaitingOwnReport');
    return t('cockpit.card.noDataForYear', { year });
  })();

  const goal = `${COMPARATOR_SYMBOL[target.comparator]} ${fmt(target.targetValue, true)}`;
  const goalText =
    target.kind === 'annual'
      ? t('cockpit.card.goalAnnual', { goal })
      : t('cockpit.card.goalBy', { goal, year: a.dueYear });

  const sparkline = useSparkline(card, metrics, statusColor, year);

  return (
    <Card
      size="small"
      className="yy-cockpit-target"
      style={{ borderTop: `3px solid ${statusColor}` }}
      styles={{ body: { padding: '6px 10px', height: '100%' } }}
      data-testid={`cockpit-target-${code}`}
      data-state={state}
    >
      <Flex vertical gap={2} style={{ height: '100%' }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Flex vertical style={{ minWidth: 0 }}>
            <Flex align="center" gap={6} style={{ minWidth: 0 }}>
              <Text strong className="yy-cockpit-target-code" style={{ color: '#1f5fbf', flexShrink: 0 }}>
                {code}
              </Text>
              <Text strong ellipsis={{ tooltip: name }} style={{ minWidth: 0 }}>
                {name}
              </Text>
              <Tooltip
                title={
                  <>
                    <div>{metrics.name(target.metric)}</div>
                    <div>{metrics.formula(target.metric)}</div>
                    {target.note && <div>{target.note}</div>}
                    {target.source && <div>{t('cockpit.card.document', { source: target.source })}</div>}
                  </>
                }
              >
                <InfoCircleOutlined
                  style={{ color: 'rgba(0,0,0,0.35)', fontSize: 12, flexShrink: 0 }}
                  aria-label={t('cockpit.card.formula')}
                />
              </Tooltip>
            </Flex>
          </Flex>
          <Tag
            color={card.applies ? STATUS_TAG[a.status] : 'default'}
            style={{ marginInlineEnd: 0, flexShrink: 0 }}
            data-testid={`cockpit-target-status-${code}`}
            data-status={card.applies ? a.status : 'not_applicable'}
          >
            {t(`cockpit.status.${statusKey}`)}
          </Tag>
        </Flex>

        {/* The value, or an honest "no data yet" with the reason. */}
        {state === 'assessed' || state === 'platform_share' ? (
          <Flex align="baseline" gap={8} wrap>
            <DrillValue
              onClick={drill}
              testId={`cockpit-target-value-${code}`}
              className="yy-cockpit-target-value"
            >
              {fmt(a.value)}
            </DrillValue>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.card.yearValue', { year })}
            </Text>
          </Flex>
        ) : state === 'city_only' ? (
          <Flex vertical gap={0}>
            <span className="yy-cockpit-target-value yy-cockpit-muted">{t('cockpit.card.cityOnly')}</span>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.card.cityValue', { value: fmt(card.cityValue) })}
            </Text>
          </Flex>
        ) : (
          <Flex vertical gap={0}>
            <span
              className="yy-cockpit-target-value yy-cockpit-muted"
              data-testid={`cockpit-target-nodata-${code}`}
            >
              {t('cockpit.card.noData')}
            </span>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {noDataReason}
            </Text>
          </Flex>
        )}

        <Text style={{ fontSize: 12 }}>
          {card.applies || !platformScope ? goalText : t('cockpit.card.cityGoal', { goal: goalText })}
        </Text>

        {state === 'assessed' && a.progress !== null && (
          <Tooltip
            title={
              a.progressFromBaseline !== null && a.baseline
                ? t('cockpit.card.progressFromBaseline', {
                    year: a.baseline.year,
                    value: percentOf(a.progressFromBaseline),
                  })
                : t('cockpit.card.progressHint')
            }
          >
            <Progress
              percent={Math.max(0, Math.min(100, a.progress * 100))}
              size="small"
              strokeColor={statusColor}
              format={() => `${Math.round(a.progress! * 100)}%`}
              aria-label={t('cockpit.card.progress')}
            />
          </Tooltip>
        )}
        {state === 'platform_share' && card.cityValue !== null && card.cityValue > 0 && a.value !== null && (
          <Text style={{ fontSize: 12 }}>
            {info?.format === 'amount' || info?.format === 'count'
              ? t('cockpit.card.shareOfCity', {
                  share: percentOf(a.value / card.cityValue),
                  city: fmt(card.cityValue),
                })
              : t('cockpit.card.cityValue', { value: fmt(card.cityValue) })}
          </Text>
        )}
        {state === 'assessed' && card.applies && platformScope && card.cityValue !== null && (
          <Text type="secondary" style={{ fontSize: 12 }}>
            {t('cockpit.card.cityValue', { value: fmt(card.cityValue) })}
          </Text>
        )}

        {sparkline && (
          <LazyCockpitChart
            option={sparkline}
            height={24}
            ariaLabel={t('cockpit.card.sparkline', { name })}
            testId={`cockpit-sparkline-${code}`}
          />
        )}

        {card.applies && <ProjectionText card={card} fmt={fmt} />}

        <Flex vertical gap={0} className="yy-cockpit-card-detail" style={{ marginTop: 'auto', fontSize: 12 }}>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {a.baseline
              ? t('cockpit.card.baseline', { year: a.baseline.year, value: fmt(a.baseline.value) })
              : t('cockpit.card.noBaseline')}
          </Text>
          <Flex justify="space-between" align="center" gap={6}>
            <Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
              {t('cockpit.card.owner', { owner: target.ownerDepartment || '—' })}
            </Text>
            <Tooltip title={t(`cockpit.sourceHint.${source}`)}>
              <Tag
                color={SOURCE_TAG[source]}
                style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}
              >
                {t(`cockpit.source.${source}`)}
              </Tag>
            </Tooltip>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
