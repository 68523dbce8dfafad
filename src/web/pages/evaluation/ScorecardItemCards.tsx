import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreItem, Scorecard } from '../../api/evaluation';
import { formatScore } from '../../lib/format';
import { formatFixed, formatShare } from './evaluationFormat';
import { useIndicatorInfo } from './EvaluationTags';
import type { ItemRow } from './scorecardRows';

/** An item's notes: capped at its maximum, or scored without data. */
export function ItemNotes({ item }: { item: ScoreItem | undefined }) {
  const { t } = useTranslation();
  if (!item?.capped && !item?.missing) return null;
  return (
    <Flex wrap gap={4}>
      {item.capped && <Tag color="purple">{t('evaluation.scorecard.capped')}</Tag>}
      {item.missing && (
        <Tag color="orange">
          {t(`evaluation.scorecard.missing.${item.missing}`, { defaultValue: item.missing })}
        </Tag>
      )}
    </Flex>
  );
}

const TEXT = { fontSize: 14 } as const;

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex justify="space-between" gap={12} style={TEXT}>
      <Typography.Text type="secondary" style={TEXT}>
        {label}
      </Typography.Text>
      <Typography.Text style={{ ...TEXT, textAlign: 'right' }}>{children}</Typography.Text>
    </Flex>
  );
}

/**
 * The scorecard's items on a phone: one card per indicator (points first, then value with its
 * unit, benchmark, ratio and weight), the bonuses and deductions, and the total.
 */
export function ItemCards({ card, rows }: { card: Scorecard; rows: ItemRow[] }) {
  const { t } = useTranslation();
  const info = useIndicatorInfo();
  const unit = t('evaluation.scorecard.pointsUnit');
  const line = { borderBottom: '1px solid #f0f0f0', paddingBlock: 10 } as const;
  return (
    <Flex vertical data-testid="scorecard-items">
      {rows.map((r) => {
        const i = r.item ? info(r.item.indicator) : undefined;
        return (
          <Flex vertical gap={4} key={r.key} style={line} data-testid="scorecard-item">
            <Flex justify="space-between" align="baseline" gap={12}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {i ? i.name : r.label}
              </Typography.Text>
              <Typography.Text strong style={{ fontSize: 15, whiteSpace: 'nowrap' }}>
                {formatScore(r.points)} {unit}
              </Typography.Text>
            </Flex>
            {r.item && i && (
              <>
                <Figure label={t('evaluation.scorecard.value')}>
                  {r.item.value === null
                    ? t('evaluation.scorecard.noValue')
                    : `${formatFixed(r.item.value, i.decimals)} ${i.unit}`}
                </Figure>
                <Figure label={t('evaluation.scorecard.benchmark')}>
                  {r.item.benchmark === null ? '—' : `${formatFixed(r.item.benchmark, i.decimals)} ${i.unit}`}
                </Figure>
                {r.item.value !== null && r.item.benchmark ? (
                  <Figure label={t('evaluation.scorecard.ratio')}>
                    {formatShare(r.item.value / r.item.benchmark)}
                  </Figure>
                ) : null}
                <Figure label={t('evaluation.scorecard.weight')}>{r.item.weight}</Figure>
                <ItemNotes item={r.item} />
              </>
            )}
          </Flex>
        );
      })}
      <Flex justify="space-between" style={{ paddingTop: 10 }} data-testid="scorecard-items-total">
        <Typography.Text strong style={{ fontSize: 15 }}>
          {t('evaluation.scorecard.total')}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {card.score === null ? '—' : `${formatScore(card.score)} ${unit}`}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
