import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { citation } from '../../lib/officialNames';
import { type PlanPeriodSummary } from '../../api/plan';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** The period's years, source document, where its targets were copied from. */
export function PeriodInfo({ period, periods }: { period: PlanPeriodSummary; periods: PlanPeriodSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const from = periods.find((p) => p.id === period.copiedFrom);
  const name = lang === 'en' ? period.nameEn || period.nameZh : period.nameZh;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="plan-period-info"
      items={[
        { key: 'name', label: t('plan.period.name'), span: { xs: 1, md: 2, xl: 3 }, children: name },
        {
          key: 'years',
          label: t('plan.period.years'),
          children: t('plan.period.yearsText', {
            start: period.startYear,
            end: period.endYear,
            count: period.endYear - period.startYear + 1,
          }),
        },
        {
          key: 'source',
          label: t('plan.period.source'),
          children: citation(period.source, lang) || <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          key: 'copiedFrom',
          label: t('plan.period.copiedFrom'),
          children: from ? (
            t('plan.period.copiedFromText', { key: from.key })
          ) : period.copiedFrom !== null ? (
            `#${period.copiedFrom}`
          ) : (
            <Typography.Text type="secondary">{t('plan.period.notCopied')}</Typography.Text>
          ),
        },
        { key: 'targets', label: t('plan.period.targets'), children: period.targets },
        {
          key: 'createdAt',
          label: t('plan.period.createdAt'),
          children: period.createdBy === null ? t('plan.period.preloaded') : formatDate(period.createdAt),
        },
      ]}
    />
  );
}
