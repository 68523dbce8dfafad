import type { TableProps } from 'antd';
import { Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIMENSIONS, type Dimension } from '../../../modules/evaluation/core/indicators';
import type { PlatformItem } from '../../api/platformEvaluation';
import { formatFactor, formatScore, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DIMENSION_COLORS } from './parts';
import {
  dimensionFullMarks,
  dimensionWeights,
  formatIndicatorValue,
  indicatorName,
  indicatorSource,
} from './peFormat';
import { PanelProps } from './ScorecardPanel';

export type Row =
  | { kind: 'dimension'; key: string; dimension: Dimension; weight: number; points: number; full: number }
  | { kind: 'item'; key: string; item: PlatformItem };

/** Every indicator under its dimension: value, benchmark, weight, points and what happened. */
/** The indicators computed from the platform's requests (docs/services.md "Figures"). */
const REQUEST_INDICATORS = new Set(['ticket_closure_rate', 'service_satisfaction', 'ticket_on_time_rate']);

export function ItemsTable({ data, platform, method }: PanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const rescale = data.noData?.rescale ?? 1;
  const scaled = rescale !== 1;
  const weights = dimensionWeights(platform.items);
  const full = dimensionFullMarks(platform.items, data.noData);
  const rules = method?.cohorts[0]?.indicators ?? [];
  const scoringOf = (key: string) => rules.find((r) => r.indicator === key)?.scoring;

  const rows: Row[] = DIMENSIONS.flatMap((d) => {
    const items = platform.items.filter((i) => i.dimension === d);
    if (items.length === 0) return [];
    return [
      {
        kind: 'dimension' as const,
        key: `dim-${d}`,
        dimension: d,
        weight: weights[d],
        points: platform.dimensions[d],
        full: full[d],
      },
      ...items.map((item) => ({ kind: 'item' as const, key: item.indicator, item })),
    ];
  });
  const other = platform.items.filter((i) => !i.dimension);
  rows.push(...other.map((item) => ({ kind: 'item' as const, key: item.indicator, item })));

  // A dimension row spans the name, value, benchmark and weight columns.
  const spanFirst = (r: Row) => ({ colSpan: r.kind === 'dimension' ? 4 : 1 });
  const hidden = (r: Row) => ({ colSpan: r.kind === 'dimension' ? 0 : 1 });

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'indicator',
      title: t('platformEvaluation.scorecard.indicator'),
      width: 240,
      onCell: spanFirst,
      render: (_, r) =>
        r.kind === 'dimension' ? (
          <Flex align="center" gap={8}>
            <span
              style={{ width: 10, height: 10, borderRadius: 2, background: DIMENSION_COLORS[r.dimension] }}
            />
            <Typography.Text strong>{t(`platformEvaluation.dimension.${r.dimension}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {Math.abs(r.full - r.weight) >= 0.005
                ? t('platformEvaluation.scorecard.dimensionWeightScaled', {
                    weight: formatSetting(r.weight),
                    applied: formatScore(r.full),
                  })
                : t('platformEvaluation.scorecard.dimensionWeight', { weight: formatSetting(r.weight) })}
            </Typography.Text>
          </Flex>
        ) : (
          <div style={{ paddingInlineStart: 18 }}>{indicatorName(r.item.indicator, lang)}</div>
        ),
    },
    {
      key: 'value',
      title: t('platformEvaluation.scorecard.value'),
      width: lang === 'en' ? 160 : 130,
      align: 'right',
      onCell: hidden,
      render: (_, r) =>
        r.kind === 'item' ? (
          r.item.value === null ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : REQUEST_INDICATORS.has(r.item.indicator) ? (
            // 营商环境 from the platform's requests of the year: open them.
            <Link
              to={`/requests?year=${data.year}&platformId=${platform.platformId}`}
              data-testid={`pe-item-requests-${r.item.indicator}`}
            >
              {formatIndicatorValue(r.item.indicator, r.item.value, lang)}
            </Link>
          ) : (
            formatIndicatorValue(r.item.indicator, r.item.value, lang)
          )
        ) : null,
    },
    {
      key: 'benchmark',
      title: (
        <Tooltip title={t('platformEvaluation.scorecard.benchmarkHint')}>
          <span>{t('platformEvaluation.scorecard.benchmark')}</span>
        </Tooltip>
      ),
      width: lang === 'en' ? 160 : 130,
      align: 'right',
      onCell: hidden,
      render: (_, r) => {
        if (r.kind !== 'item') return null;
        if (r.item.benchmark !== null) return formatIndicatorValue(r.item.indicator, r.item.benchmark, lang);
        return (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {scoringOf(r.item.indicator) === 'min_max' ? t('platformEvaluation.scorecard.minMax') : '—'}
          </Typography.Text>
        );
      },
    },
    {
      key: 'weight',
      title: t('platformEvaluation.scorecard.weight'),
      width: 64,
      align: 'right',
      onCell: hidden,
      render: (_, r) => (r.kind === 'item' ? formatSetting(r.item.weight) : null),
    },
    {
      key: 'points',
      title: t('platformEvaluation.scorecard.points'),
      width: 76,
      align: 'right',
      render: (_, r) =>
        r.kind === 'item' ? (
          formatScore(r.item.points)
        ) : scaled ? null : (
          <Typography.Text strong>{formatScore(r.points)}</Typography.Text>
        ),
    },
    ...(scaled
      ? [
          {
            key: 'scaled',
            title: (
              <Tooltip
                title={t('platformEvaluation.scorecard.scaledHint', { factor: formatFactor(rescale) })}
              >
                <span>{t('platformEvaluation.scorecard.scaled', { factor: formatFactor(rescale) })}</span>
              </Tooltip>
            ),
            width: 116,
            align: 'right' as const,
            render: (_: unknown, r: Row) =>
              r.kind === 'item' ? (
                r.item.missing === 'no_data' ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  formatScore(r.item.points * rescale)
                )
              ) : (
                <Typography.Text strong>
                  {r.full > 0 ? formatScore(r.points) : '—'}
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {' '}
                    / {formatScore(r.full)}
                  </Typography.Text>
                </Typography.Text>
              ),
          },
        ]
      : []),
    {
      key: 'notes',
      title: t('platformEvaluation.scorecard.notes'),
      render: (_, r) => (r.kind === 'item' ? <ItemTags item={r.item} /> : null),
    },
  ];

  return (
    <Card size="small" title={t('platformEvaluation.scorecard.items')} styles={{ body: { padding: 0 } }}>
      <Table<Row>
        data-testid="pe-scorecard-items"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(r) => (r.kind === 'dimension' ? 'yy-pe-total' : '')}
        summary={() => (
          <Table.Summary.Row className="yy-pe-total">
            <Table.Summary.Cell index={0} colSpan={scaled ? 5 : 4}>
              {t('platformEvaluation.scorecard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {platform.score === null ? '—' : formatScore(platform.score)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function ItemTags({ item }: { item: PlatformItem }) {
  const { t } = useTranslation();
  const tags: ReactNode[] = [];
  if (item.capped)
    tags.push(
      <Tooltip key="capped" title={t('platformEvaluation.scorecard.cappedHint')}>
        <Tag color="purple">{t('platformEvaluation.scorecard.capped')}</Tag>
      </Tooltip>,
    );
  if (item.missing === 'no_data') {
    const source = indicatorSource(item.indicator);
    tags.push(
      <Tooltip key="nodata" title={t('platformEvaluation.scorecard.noDataHint')}>
        <Tag color="default" data-testid="pe-tag-nodata">
          {t('platformEvaluation.noDataShort')}
          {source === 'later' || source === 'reported'
            ? ` · ${t(`platformEvaluation.source.${source}`)}`
            : ''}
        </Tag>
      </Tooltip>,
    );
  } else if (item.missing)
    tags.push(
      <Tooltip key="missing" title={t(`platformEvaluation.scorecard.missingHint.${item.missing}`)}>
        <Tag color="orange">{t(`platformEvaluation.scorecard.missing.${item.missing}`)}</Tag>
      </Tooltip>,
    );
  return (
    <Flex wrap gap={4}>
      {tags}
    </Flex>
  );
}
