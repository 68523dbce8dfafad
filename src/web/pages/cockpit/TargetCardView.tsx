import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { citation, departmentName } from '../../lib/officialNames';
import type { Cockpit, TargetCard } from '../../api/cockpit';
import { LazyCockpitChart } from './LazyCockpitChart';
import { formatPercent } from '../../lib/format';
import {
  baselineChange,
  progressView,
  STATUS_VIEW_COLOR,
  STATUS_VIEW_TAG,
  statusViewOf,
} from '../../lib/targetStatus';
import {
  COMPARATOR_SYMBOL,
  formatChange,
  isReportedOnly,
  nameIn,
  percentOf,
  SOURCE_TAG,
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

  // One status vocabulary and colour with the plan page; final once the due year is over.
  const status = statusViewOf(card);
  const statusLabel =
    status === 'not_applicable' ? t('cockpit.status.notApplicable') : t(`targetStatus.${status}`);
  const statusColor = STATUS_VIEW_COLOR[status];
  const progress = progressView(a.progress, status);
  const fromBaseline = baselineChange(a);

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
                    {target.source && (
                      <div>{t('cockpit.card.document', { source: citation(target.source, lang) })}</div>
                    )}
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
          <Tooltip title={a.final ? t('targetStatus.finalHint', { year: a.dueYear }) : undefined}>
            <Tag
              color={STATUS_VIEW_TAG[status]}
              style={{ marginInlineEnd: 0, flexShrink: 0 }}
              data-testid={`cockpit-target-status-${code}`}
              data-status={card.applies ? a.status : 'not_applicable'}
              data-reading={status}
            >
              {statusLabel}
            </Tag>
          </Tooltip>
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

        {state === 'assessed' && progress && (
          <Tooltip
            title={
              progress.away
                ? t('targetStatus.awayHint', { value: fmt(a.value), goal })
                : fromBaseline && a.baseline && !fromBaseline.away && a.progressFromBaseline !== null
                  ? t('cockpit.card.progressFromBaseline', {
                      year: a.baseline.year,
                      value: percentOf(a.progressFromBaseline),
                    })
                  : t('cockpit.card.progressHint')
            }
          >
            <Progress
              percent={progress.percent}
              size="small"
              strokeColor={progress.color}
              format={() => (progress.away ? t('targetStatus.away') : formatPercent(progress.share))}
              aria-label={t('cockpit.card.progress')}
              data-testid={`cockpit-progress-${code}`}
              data-away={progress.away}
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
          {fromBaseline?.away && a.baseline && (
            <Text type="danger" style={{ fontSize: 12 }} data-testid={`cockpit-baseline-away-${code}`}>
              {t('targetStatus.baselineAway', {
                year: a.baseline.year,
                change: formatChange(info, fromBaseline.change, lang),
              })}
            </Text>
          )}
          <Flex justify="space-between" align="center" gap={6}>
            <Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
              {t('cockpit.card.owner', { owner: departmentName(target.ownerDepartment, lang) || '—' })}
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
