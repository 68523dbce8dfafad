import { InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { citation, departmentName } from '../../lib/officialNames';
import type { MetricInfo, MetricKey, PlanPeriod } from '../../api/plan';
import { useLang } from '../../lib/useLang';
import { formatMetricValue, formatRatio, milestoneList, unitOf, type TargetRow } from './planFormat';
import { dash, small, type TargetColumns } from './targetColumns';

/** The columns of the plan itself: metric, kind, due year, baseline, milestones, who and how often. */
export function usePlanColumns(
  metrics: ReadonlyMap<MetricKey, MetricInfo>,
  period: PlanPeriod,
): TargetColumns {
  const { t } = useTranslation();
  const lang = useLang();
  const metricOf = (r: TargetRow) => metrics.get(r.target.metric);
  const value = (r: TargetRow, v: number | null | undefined) => formatMetricValue(v, metricOf(r), lang);
  const yearLabel = (y: number) => t('plan.yearLabel', { year: y });

  return [
    {
      key: 'metric',
      title: t('plan.col.metric'),
      width: 190,
      render: (_, r) => {
        const m = metricOf(r);
        if (!m) return <Typography.Text code>{r.target.metric}</Typography.Text>;
        return (
          <Tooltip title={lang === 'en' ? m.formulaEn : m.formulaZh}>
            <Flex vertical gap={0}>
              <span>{lang === 'en' ? m.en : m.zh}</span>
              <Typography.Text type="secondary" style={small}>
                {t('plan.unit', { unit: m.format === 'amount' ? t('plan.unitAmount') : unitOf(m, lang) })}
              </Typography.Text>
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      key: 'kind',
      title: t('plan.col.kind'),
      width: 96,
      render: (_, r) => (
        <Tooltip title={t(`plan.kindHelp.${r.target.kind}`)}>
          <Tag color={r.target.kind === 'annual' ? 'blue' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
            {t(`plan.kind.${r.target.kind}`)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      key: 'dueYear',
      title: t('plan.col.dueYear'),
      width: 96,
      render: (_, r) =>
        r.target.kind === 'annual' ? (
          <Typography.Text type="secondary">{t('plan.everyYear')}</Typography.Text>
        ) : r.target.dueYear !== null ? (
          <Typography.Text strong={r.target.dueYear < period.endYear}>
            {yearLabel(r.target.dueYear)}
          </Typography.Text>
        ) : (
          <Flex vertical gap={0}>
            <span>{yearLabel(period.endYear)}</span>
            <Typography.Text type="secondary" style={small}>
              {t('plan.periodEnd')}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: 'baseline',
      title: t('plan.col.baseline'),
      width: 170,
      render: (_, r) => {
        const { baselineYear, baselineValue } = r.target;
        if (baselineYear === null)
          return r.target.kind === 'annual' ? (
            <Typography.Text type="secondary">{t('plan.noBaselineAnnual')}</Typography.Text>
          ) : (
            dash
          );
        if (baselineValue !== null)
          return (
            <Flex vertical gap={0}>
              <span>{value(r, baselineValue)}</span>
              <Typography.Text type="secondary" style={small}>
                {yearLabel(baselineYear)}
              </Typography.Text>
            </Flex>
          );
        const computed = r.card?.assessment.baseline;
        return (
          <Flex vertical gap={0}>
            <span>{t('plan.baselineComputed', { year: baselineYear })}</span>
            {computed && (
              <Typography.Text type="secondary" style={small}>
                {value(r, computed.value)}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'milestones',
      title: t('plan.col.milestones'),
      width: 170,
      render: (_, r) => {
        const list = milestoneList(r.target.milestones);
        if (!list.length) return dash;
        return (
          <Flex vertical gap={0}>
            {list.map((m) => (
              <span key={m.year} style={small}>
                {t('plan.milestoneItem', {
                  year: m.year,
                  value: formatMetricValue(m.value, metricOf(r), lang, '—', true),
                })}
              </span>
            ))}
          </Flex>
        );
      },
    },
    {
      key: 'ownerDepartment',
      title: t('plan.col.ownerDepartment'),
      width: 110,
      render: (_, r) => (r.target.ownerDepartment ? departmentName(r.target.ownerDepartment, lang) : dash),
    },
    {
      key: 'frequency',
      title: t('plan.col.frequency'),
      width: 90,
      render: (_, r) => t(`plan.frequency.${r.target.frequency}`),
    },
    {
      key: 'warningRatio',
      title: (
        <Tooltip title={t('plan.warningHelp')}>
          <span>
            {t('plan.col.warningRatio')} <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
          </span>
        </Tooltip>
      ),
      width: 100,
      align: 'right',
      render: (_, r) => formatRatio(r.target.warningRatio, '—', true),
    },
    {
      key: 'source',
      title: t('plan.col.source'),
      width: 190,
      ellipsis: { showTitle: false },
      render: (_, r) =>
        r.target.source ? (
          <Tooltip title={citation(r.target.source, lang)} placement="topLeft">
            <span>{citation(r.target.source, lang)}</span>
          </Tooltip>
        ) : (
          dash
        ),
    },
  ];
}
