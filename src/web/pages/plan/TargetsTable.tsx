import { DeleteOutlined, EditOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Empty, Flex, Popconfirm, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricInfo, MetricKey, PlanPeriod, PlanTarget } from '../../api/plan';
import type { ChoosableColumn } from '../../components/ColumnChooser';
import { useLang } from '../../lib/useLang';
import {
  baselineProgress,
  formatGoal,
  formatMetricValue,
  formatRatio,
  milestoneList,
  statusOf,
  unitOf,
  type TargetRow,
} from './planFormat';
import { TargetStatusTag } from './PlanTags';
import { TargetDetail } from './TargetDetail';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
export const small = { fontSize: 12 } as const;

interface Props {
  period: PlanPeriod;
  rows: TargetRow[];
  metrics: ReadonlyMap<MetricKey, MetricInfo>;
  /** The assessed year (null while the assessment loads). */
  year: number | null;
  loading: boolean;
  canWrite: boolean;
  hidden: readonly string[];
  deletingId: number | null;
  onEdit: (target: PlanTarget) => void;
  onDelete: (target: PlanTarget) => void;
  emptyText: ReactNode;
}

/** Keys and labels of the columns a user may hide. */
export function useChoosableColumns(): ChoosableColumn[] {
  const { t } = useTranslation();
  return [
    'goal',
    'value',
    'progress',
    'status',
    'projection',
    'metric',
    'kind',
    'dueYear',
    'baseline',
    'milestones',
    'ownerDepartment',
    'frequency',
    'warningRatio',
    'source',
  ].map((key) => ({ key, label: t(`plan.col.${key}`) }));
}

/** The targets of a period with their assessment for the chosen year. */
export function TargetsTable({
  period,
  rows,
  metrics,
  year,
  loading,
  canWrite,
  hidden,
  deletingId,
  onEdit,
  onDelete,
  emptyText,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn || x.nameZh : x.nameZh);
  const metricOf = (r: TargetRow) => metrics.get(r.target.metric);
  const value = (r: TargetRow, v: number | null | undefined) => formatMetricValue(v, metricOf(r), lang);
  const yearLabel = (y: number) => t('plan.yearLabel', { year: y });

  const all: NonNullable<TableProps<TargetRow>['columns']> = [
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
        if (!a || a.progress === null) return dash;
        const fromBaseline = baselineProgress(r.card, r.target);
        const pct = Math.max(0, Math.min(100, a.progress * 100));
        return (
          <Flex vertical gap={0}>
            <Tooltip title={t('plan.progressHelp')}>
              <Progress
                percent={Number(pct.toFixed(1))}
                size="small"
                status={a.progress >= 1 ? 'success' : 'normal'}
                format={() => formatRatio(a.progress)}
                aria-label={t('plan.col.progress')}
              />
            </Tooltip>
            {fromBaseline !== null && (
              <Typography.Text type="secondary" style={small}>
                {t('plan.fromBaseline', { value: formatRatio(fromBaseline) })}
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
            <Tooltip title={t(`plan.statusHelp.${s}`, { ratio: formatRatio(r.target.warningRatio) })}>
              <span>
                <TargetStatusTag status={s} testId={`plan-target-status-${r.target.code}`} />
              </span>
            </Tooltip>
            {r.card!.applies && a.achieved && (
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
                {t('plan.milestoneItem', { year: m.year, value: value(r, m.value) })}
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
      render: (_, r) => r.target.ownerDepartment || dash,
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
      render: (_, r) => formatRatio(r.target.warningRatio),
    },
    {
      key: 'source',
      title: t('plan.col.source'),
      width: 190,
      ellipsis: { showTitle: false },
      render: (_, r) =>
        r.target.source ? (
          <Tooltip title={r.target.source} placement="topLeft">
            <span>{r.target.source}</span>
          </Tooltip>
        ) : (
          dash
        ),
    },
  ];

  if (canWrite)
    all.push({
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      fixed: 'end',
      render: (_, r) => (
        <Flex gap={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => onEdit(r.target)}
            data-testid={`plan-target-edit-${r.target.code}`}
            aria-label={t('plan.editTarget', { code: r.target.code })}
          />
          <Popconfirm
            title={t('plan.deleteTitle', { code: r.target.code })}
            description={t('plan.deleteText')}
            okText={t('plan.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onDelete(r.target)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={deletingId === r.target.id}
              data-testid={`plan-target-delete-${r.target.code}`}
              aria-label={t('plan.deleteTarget', { code: r.target.code })}
            />
          </Popconfirm>
        </Flex>
      ),
    });

  const columns = all.filter((c) => !hidden.includes(String(c.key)));
  const width = columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 120), 0);

  // Many fixed columns get high z-indexes: keep them below the sticky page header.
  return (
    <div style={{ isolation: 'isolate' }}>
      <Table<TargetRow>
        data-testid="plan-targets-table"
        rowKey={(r) => r.target.id}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading && rows.length === 0}
        pagination={false}
        scroll={{ x: width }}
        onRow={(r) => ({ 'data-testid': `plan-target-row-${r.target.code}` }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <TargetDetail row={r} metric={metrics.get(r.target.metric)} period={period} />
          ),
          columnWidth: 40,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    </div>
  );
}
