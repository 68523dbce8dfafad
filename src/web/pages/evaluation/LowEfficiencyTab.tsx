import { useState } from 'react';
import { Card, Flex, InputNumber, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLowEfficiency, type EvaluationRunDetail, type LowEfficiency } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInteger, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { useClassName } from './EvaluationTags';
import { useResultColumns } from './useResultColumns';
import { PlatformFilter } from './PlatformFilter';
import { TableEmpty } from '../../components/TableEmpty';

type Item = LowEfficiency['items'][number];
const DEFAULT_FLOOR = 1;

/**
 * Low-efficiency candidates (低效企业, domain guide §5.7): the worst class, or tax per mu below a
 * floor — where land could be freed ("腾笼换鸟").
 */
export function LowEfficiencyTab({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  const [floorInput, setFloorInput] = useState<number>(DEFAULT_FLOOR);
  const [platformId, setPlatformId] = useState<number | undefined>();
  const floor = useDebouncedValue(floorInput, 400);
  const { data, isPending, isFetching, error, refetch } = useLowEfficiency(run.id, floor, platformId);
  const className = useClassName(run.method.classes);
  const worst = run.method.classes[run.method.classes.length - 1];

  const shared = useResultColumns<Item>(run);
  const columns: TableProps<Item>['columns'] = [
    shared.name,
    {
      key: 'reasons',
      title: t('evaluation.low.reasons'),
      width: 220,
      render: (_, r) => (
        <Flex wrap gap={4}>
          {r.reasons.map((reason) => (
            <Tag key={reason} color={reason === 'class' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {reason === 'class'
                ? t('evaluation.low.reasonClass', {
                    cls: worst?.key ?? '',
                    name: className(worst?.key ?? null),
                  })
                : t('evaluation.low.reasonTax', { floor: formatNumber(data?.taxPerMuFloor ?? floor) })}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'landMu',
      title: (
        <HeaderWithUnit
          name={t('evaluation.low.land')}
          unit={t('units.mu')}
          full={t('evaluation.low.land')}
        />
      ),
      width: 90,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.landMu ?? 0) - (b.landMu ?? 0),
      render: (_, r) => formatNumber(r.landMu),
    },
    shared.class,
    { ...shared.score, sorter: (a, b) => (a.score ?? -Infinity) - (b.score ?? -Infinity) },
    { ...shared.taxPerMu, sorter: (a, b) => (a.taxPerMu ?? -Infinity) - (b.taxPerMu ?? -Infinity) },
    shared.platform,
    shared.cohort,
    shared.uscc,
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('evaluation.low.hint', { cls: worst?.key ?? '', name: className(worst?.key ?? null) })}
      </Typography.Text>
      <Flex wrap gap={16} align="center">
        <Flex align="center" gap={8}>
          <Typography.Text>{t('evaluation.low.floor')}</Typography.Text>
          <InputNumber<number>
            min={0}
            max={10000}
            step={0.5}
            value={floorInput}
            onChange={(v) => setFloorInput(v ?? 0)}
            suffix={t('units.wanYuanPerMu')}
            style={{ width: 170 }}
            aria-label={t('evaluation.low.floor')}
            data-testid="low-floor"
          />
        </Flex>
        <PlatformFilter
          value={platformId}
          onChange={setPlatformId}
          placeholder={t('evaluation.distribution.allPlatforms')}
        />
      </Flex>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Flex wrap gap={16}>
        <Card size="small" style={{ minWidth: 180 }}>
          <Statistic
            title={t('evaluation.low.count')}
            value={data?.items.length ?? 0}
            formatter={(v) => formatInteger(Number(v))}
            suffix={t('evaluation.units.firms')}
            loading={isPending}
          />
        </Card>
        <Card size="small" style={{ minWidth: 180 }}>
          <Statistic
            title={t('evaluation.low.totalLand')}
            value={data?.landMu ?? 0}
            formatter={(v) => formatNumber(Number(v))}
            suffix={t('units.mu')}
            loading={isPending}
            data-testid="low-land"
          />
        </Card>
      </Flex>
      <Table<Item>
        data-testid="low-table"
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending || isFetching}
        scroll={{ x: 1330 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
        }}
        locale={{
          emptyText: <TableEmpty error={error} description={t('evaluation.low.empty')} />,
        }}
      />
    </Flex>
  );
}
