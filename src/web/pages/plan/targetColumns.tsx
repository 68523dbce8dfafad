import { InfoCircleOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricInfo, MetricKey } from '../../api/plan';
import { formatPoints } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { baselineChange, progressView } from '../../lib/targetStatus';
import { formatGoal, formatMetricValue, formatRatio, statusOf, type TargetRow } from './planFormat';
import { TargetStatusTag } from './PlanTags';

export type TargetColumns = NonNullable<TableProps<TargetRow>['columns']>;

export const dash = <Typography.Text type="secondary">—</Typography.Text>;
export const small = { fontSize: 12 } as const;

/** The columns that say what a target is and how it stands in the assessed year. */
export function useAssessmentColumns(
  metrics: ReadonlyMap<MetricKey, MetricInfo>,
  year: number | null,
  loading: boolean,
): TargetColumns {
  const { t } = useTranslation();
  const lang = useLang();
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn || x.nameZh : x.nameZh);
  const metricOf = (r: TargetRow) => metrics.get(r.target.metric);
  const value = (r: TargetRow, v: number | null | undefined) => formatMetricValue(v, metricOf(r), lang);

  return [
    {
      key: 'code',
      title: t('plan.col.code'),
      width: 64,
      fixed: 'start',
      render: (_, r) => <Typography.Text strong>{r.target.code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('plan.col.name'),
      width: 170,
      fixed: 'start',
      render: (_, r) => (
        <Flex gap={4} align="start">
          <span>{name(r.target)}</span>
          {r.target.note && (
            <Tooltip title={r.target.note}>
              <InfoCircleOutlined
                style={{ color: '#8c8c8c', marginTop: 4 }}
                aria-label={t('plan.col.note')}
              />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'goal',
      title: t('plan.col.goal'),
      width: 130,
      render: (_, r) => <Typography.Text strong>{formatGoal(r.target, metricOf(r), lang)}</Typography.Text>,
    },
    {
      key: 'value',
      title: year ? t('plan.col.valueOf', { year }) : t('plan.col.value'),
      width: 150,
      align: 'right',
      render: (_, r) => {
        const c = r.card;
        if (!c) return loading ? '…' : dash;
        if (!c.applies)
          return (
            <Flex vertical gap={0} align="end">
              <span>{value(r, c.assessment.value)}</span>
              {c.cityValue !== null && (
                <Typography.Text type="secondary" style={small}>
                  {t('plan.cityValue', { value: value(r, c.cityValue) })}
                </Typography.Text>
              )}
            </Flex>
          );
        return (
          <Flex vertical gap={0} align="end">
            <span>{c.assessment.value === null ? dash : value(r, c.assessment.value)}</span>
            <Typography.Text type="secondary" style={small}>
              {c.reportedBy !== null
                ? t('plan.reportedBy', { count: c.reportedBy })
                : c.assessment.value !== null
                  ? t(`plan.source.${c.source}`, { defaultValue: c.source })
                  : null}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'progress',
      title: t('plan.col.progress'),
      width: 150,
      render: (_, r) => {
        const a = r.card?.applies ? r.card.assessment : null;
        const status = statusOf(r.card);
        const p = a && status ? progressView(a.progress, status) : null;
        if (!a || !p) return dash;
        const change = baselineChange(a);
        const changeText = (c: number) =>
          `${c > 0 ? '+' : ''}${
            metricOf(r)?.format === 'ratio' ? formatPoints(c, lang === 'en' ? 'en' : 'zh') : value(r, c)
          }`;
        return (
          <Flex vertical gap={0}>
            <Tooltip
              title={
                p.away
                  ? t('targetStatus.awayHint', {
                      value: value(r, a.value),
                      goal: formatGoal(r.target, metricOf(r), lang),
                    })
                  : t('plan.progressHelp')
              }
            >
              <Progress
                percent={p.percent}
                size="small"
                strokeColor={p.color}
                format={() => (p.away ? t('targetStatus.away') : formatRatio(p.share))}
                aria-label={t('plan.col.progress')}
                data-testid={`plan-progress-${r.target.code}`}
                data-away={p.away}
              />
            </Tooltip>
            {p.away && (
              <Typography.Text type="danger" style={small}>
                {t('targetStatus.awayValue', { value: value(r, a.value) })}
              </Typography.Text>
            )}
            {change && a.baseline && a.progressFromBaseline !== null && (
              <Typography.Text type={change.away ? 'danger' : 'secondary'} style={small}>
                {change.away
                  ? t('targetStatus.baselineAway', {
                      year: a.baseline.year,
                      change: changeText(change.change),
                    })
                  : t('plan.fromBaseline', { value: formatRatio(a.progressFromBaseline) })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'status',
      title: t('plan.col.status'),
      width: 120,
      render: (_, r) => {
        const s = statusOf(r.card);
        if (!s) return loading ? '…' : dash;
        const a = r.card!.assessment;
        return (
          <Flex vertical gap={2} align="start">
            <Tooltip
              title={
                a.final && r.card!.applies
                  ? t('targetStatus.finalHint', { year: a.dueYear })
                  : t(`plan.statusHelp.${s}`, {
                      ratio: formatRatio(r.target.warningRatio, '—', true),
                      defaultValue: '',
                    })
              }
            >
              <span>
                <TargetStatusTag status={s} testId={`plan-target-status-${r.target.code}`} />
              </span>
            </Tooltip>
            {r.card!.applies && a.achieved && s !== 'achieved' && s !== 'completed' && (
              <Typography.Text type="success" style={small}>
                {t('plan.achieved')}
              </Typography.Text>
            )}
            {r.card!.applies && a.milestone && (
              <Typography.Text type={a.milestone.met ? 'secondary' : 'warning'} style={small}>
                {t(a.milestone.met ? 'plan.milestoneMet' : 'plan.milestoneMissed', {
                  value: value(r, a.milestone.value),
                })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'projection',
      title: t('plan.col.projection'),
      width: 220,
      render: (_, r) => {
        const p = r.card?.applies ? r.card.assessment.projection : null;
        if (!p) return dash;
        return (
          <Flex vertical gap={0}>
            <span>{t('plan.projectionValue', { year: p.year, value: value(r, p.value) })}</span>
            <Typography.Text type="secondary" style={small}>
              {p.method === 'linear_trend'
                ? t('plan.method.linear_trend', { from: p.from, to: p.to })
                : t('plan.method.latest', { year: p.from })}
            </Typography.Text>
          </Flex>
        );
      },
    },
  ];
}
