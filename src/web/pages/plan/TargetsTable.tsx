import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Empty, Flex, Popconfirm, Table } from 'antd';
import { type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricInfo, MetricKey, PlanPeriod, PlanTarget } from '../../api/plan';
import type { ChoosableColumn } from '../../components/ColumnChooser';
import { type TargetRow } from './planFormat';
import { useAssessmentColumns } from './targetColumns';
import { TargetDetail } from './TargetDetail';
import { usePlanColumns } from './targetPlanColumns';

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

  const all: NonNullable<TableProps<TargetRow>['columns']> = [
    ...useAssessmentColumns(metrics, year, loading),
    ...usePlanColumns(metrics, period),
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
