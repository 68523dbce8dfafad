import type { DescriptionsProps, TableProps } from 'antd';
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scorecard, ScorecardFigures } from '../../api/evaluation';
import type { YearFieldKey } from '../../../modules/enterprises/core/fields';
import { formatNumber, formatScore } from '../../lib/format';
import { useNarrow } from '../../lib/useNarrow';
import { YEAR_FIELD_KEYS, YEAR_FIELD_UNITS, fieldName } from '../enterprises/enterpriseFields';
import './evaluation.css';
import { formatFixed, formatShare } from './evaluationFormat';
import { useIndicatorInfo } from './EvaluationTags';
import { ItemCards, ItemNotes } from './ScorecardItemCards';
import { useScorecardRows, type ItemRow } from './scorecardRows';

/** The figures the evaluation used (after merging tenants into a landholder, where the method does). */
export function Figures({ figures }: { figures: ScorecardFigures }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'land',
      label: t('evaluation.scorecard.land'),
      children: figures.land === null ? '—' : `${formatNumber(figures.land)} ${t('units.mu')}`,
    },
    // The enterprise-year figures the evaluation uses, in the order of the enterprise's records.
    ...YEAR_FIELD_KEYS.filter((key): key is YearFieldKey & keyof ScorecardFigures => key in figures).map(
      (key) => ({
        key,
        label: fieldName(t, key),
        children:
          figures[key] === null
            ? '—'
            : `${formatNumber(figures[key])} ${t(`units.${YEAR_FIELD_UNITS[key]}`)}`,
      }),
    ),
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.figures')} style={{ height: '100%' }}>
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 130 } }} />
    </Card>
  );
}

/**
 * Each indicator: value, benchmark, weight, points and notes; then bonus/deduction and the total.
 * A table, or on a phone a list of cards (nothing to scroll sideways).
 */
export function ItemsTable({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const info = useIndicatorInfo();
  const narrow = useNarrow();
  const rows = useScorecardRows(card);
  if (narrow)
    return (
      <Card size="small" title={t('evaluation.scorecard.items')}>
        <ItemCards card={card} rows={rows} />
      </Card>
    );
  const columns: TableProps<ItemRow>['columns'] = [
    {
      key: 'indicator',
      title: t('evaluation.scorecard.indicator'),
      width: 220,
      render: (_, r) => (r.item ? info(r.item.indicator).name : r.label),
    },
    {
      key: 'value',
      title: t('evaluation.scorecard.value'),
      width: 170,
      align: 'right',
      render: (_, r) => {
        if (!r.item) return '';
        const i = info(r.item.indicator);
        return r.item.value === null ? (
          <Typography.Text type="secondary">{t('evaluation.scorecard.noValue')}</Typography.Text>
        ) : (
          <span>
            {formatFixed(r.item.value, i.decimals)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.unit}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      key: 'benchmark',
      title: t('evaluation.scorecard.benchmark'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.item
          ? r.item.benchmark === null
            ? '—'
            : formatFixed(r.item.benchmark, info(r.item.indicator).decimals)
          : '',
    },
    {
      key: 'ratio',
      title: t('evaluation.scorecard.ratio'),
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.item && r.item.value !== null && r.item.benchmark
          ? formatShare(r.item.value / r.item.benchmark)
          : '',
    },
    {
      key: 'weight',
      title: t('evaluation.scorecard.weight'),
      width: 80,
      align: 'right',
      render: (_, r) => r.item?.weight ?? '',
    },
    {
      key: 'points',
      title: t('evaluation.scorecard.points'),
      width: 90,
      align: 'right',
      render: (_, r) => <Typography.Text strong>{formatScore(r.points)}</Typography.Text>,
    },
    {
      key: 'notes',
      title: t('evaluation.scorecard.notes'),
      render: (_, r) => <ItemNotes item={r.item} />,
    },
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.items')} styles={{ body: { padding: 0 } }}>
      <Table<ItemRow>
        data-testid="scorecard-items"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        summary={() => (
          <Table.Summary.Row className="yy-eval-total">
            <Table.Summary.Cell index={0} colSpan={5}>
              {t('evaluation.scorecard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {card.score === null ? '—' : formatScore(card.score)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
