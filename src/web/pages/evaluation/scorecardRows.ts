import { useTranslation } from 'react-i18next';
import { useEvaluationRun, type ScoreItem, type Scorecard } from '../../api/evaluation';
import { useBilingual } from './EvaluationTags';

/** A line of the scorecard's items: an indicator, or a bonus / deduction. */
export interface ItemRow {
  key: string;
  item?: ScoreItem;
  label?: string;
  points: number;
}

/** The scorecard's indicators, then its bonuses and deductions (named after the run's method). */
export function useScorecardRows(card: Scorecard): ItemRow[] {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { data: run } = useEvaluationRun(card.run.id);
  const rules = run?.method.cohorts.find((c) => c.key === card.cohort)?.adjustments ?? [];
  return [
    ...card.items.map((i) => ({ key: i.indicator, item: i, points: i.points })),
    ...card.adjustments.map((a) => ({
      key: `adj-${a.key}`,
      label: t(a.points >= 0 ? 'evaluation.scorecard.bonus' : 'evaluation.scorecard.deduction', {
        name: pick(rules.find((r) => r.key === a.key)?.name) || a.key,
      }),
      points: a.points,
    })),
  ];
}
