import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import {
  useRunResults,
  type EvaluationResult,
  type EvaluationRunDetail,
  type ResultSort,
} from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useQueryParams } from '../../lib/useQueryParams';
import { IndustrySelect } from '../../components/IndustrySelect';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { formatInteger } from '../../lib/format';
import { formatYuan, parseResultQuery, RESULT_PAGE_SIZES } from './evaluationFormat';
import { FlagsIcon, useBilingual } from './EvaluationTags';
import { dash, useResultColumns } from './useResultColumns';
import { PlatformFilter } from './PlatformFilter';
import { TableEmpty } from '../../components/TableEmpty';

const FILTER_KEYS = ['cohort', 'platformId', 'class', 'industry', 'keyword'] as const;

/** Results filters, sort and page live in the address, so a filtered list can be shared or reloaded. */
function useResultParams() {
  return useQueryParams(parseResultQuery);
}

/** Every rated enterprise of the run, filtered and paged on the server. */
export function ResultsTab({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { data: me } = useMe();
  const { query, update } = useResultParams();
  const { data, isPending, isFetching, error, refetch } = useRunResults(run.id, query);
  const enterpriseUser = (me?.enterpriseId ?? null) !== null;
  const classes = run.method.classes;
  const filtered = FILTER_KEYS.some((k) => query[k] !== undefined);

  const sortOrder = (key: ResultSort) => {
    const active = query.sort ?? 'rank';
    if (active !== key) return null;
    return query.order === 'desc' ? ('descend' as const) : ('ascend' as const);
  };

  const shared = useResultColumns<EvaluationResult>(run);
  const serverSort = (key: ResultSort) => ({ sorter: true, sortOrder: sortOrder(key) });
  const columns: TableProps<EvaluationResult>['columns'] = [
    {
      key: 'rank',
      title: t('evaluation.results.rank'),
      width: 72,
      fixed: 'left',
      ...serverSort('rank'),
      align: 'right',
      render: (_, r) =>
        r.rank === null ? (
          dash
        ) : (
          <span title={t('evaluation.results.rankOf', { rank: r.rank, size: r.cohortSize })}>{r.rank}</span>
        ),
    },
    { ...shared.name, ...serverSort('name') },
    shared.uscc,
    shared.platform,
    shared.cohort,
    { ...shared.score, ...serverSort('score') },
    shared.class,
    { ...shared.taxPerMu, ...serverSort('taxPerMu') },
    {
      key: 'flags',
      title: t('evaluation.results.flags'),
      width: 76,
      align: 'center',
      render: (_, r) => <FlagsIcon flags={r.flags} />,
    },
    {
      key: 'relief',
      title: (
        <HeaderWithUnit
          name={t('evaluation.results.relief')}
          unit={t('evaluation.units.yuan')}
          full={t('evaluation.results.reliefFull')}
        />
      ),
      width: 110,
      align: 'right',
      render: (_, r) => (r.reliefYuan ? formatYuan(r.reliefYuan) : dash),
    },
    {
      key: 'surcharge',
      title: (
        <HeaderWithUnit
          name={t('evaluation.results.surcharge')}
          unit={t('evaluation.units.yuan')}
          full={t('evaluation.results.surchargeFull')}
        />
      ),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.surchargeYuan ? (
          <Typography.Text type="danger">{formatYuan(r.surchargeYuan)}</Typography.Text>
        ) : (
          dash
        ),
    },
  ];

  const onTableChange: TableProps<EvaluationResult>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as ResultSort) : undefined;
    const order = s?.order === 'descend' ? 'desc' : 'asc';
    const pageSize = pagination.pageSize ?? query.pageSize;
    const sortChanged = key !== query.sort || (key !== undefined && order !== query.order);
    update(
      {
        sort: key,
        order: key ? order : undefined,
        pageSize: pageSize === 20 ? undefined : pageSize,
        page: sortChanged || pageSize !== query.pageSize ? undefined : (pagination.current ?? 1),
      },
      false,
    );
  };

  return (
    <Flex vertical gap={12}>
      {!enterpriseUser && (
        <Flex wrap gap={12} align="center">
          <Input.Search
            key={query.keyword ?? ''}
            allowClear
            defaultValue={query.keyword ?? ''}
            placeholder={t('evaluation.results.keyword')}
            aria-label={t('evaluation.results.keyword')}
            maxLength={100}
            onSearch={(v) => update({ keyword: v.trim() || undefined })}
            style={{ width: 260 }}
            data-testid="result-keyword"
          />
          <Select<string>
            allowClear
            value={query.cohort}
            placeholder={t('evaluation.results.cohort')}
            aria-label={t('evaluation.results.cohort')}
            onChange={(v) => update({ cohort: v })}
            options={run.method.cohorts.map((c) => ({ value: c.key, label: pick(c.name) || c.key }))}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
          <PlatformFilter value={query.platformId} onChange={(v) => update({ platformId: v })} />
          <Select<string>
            allowClear
            value={query.class}
            placeholder={t('evaluation.results.class')}
            aria-label={t('evaluation.results.class')}
            onChange={(v) => update({ class: v })}
            options={[
              ...classes.map((c) => ({ value: c.key, label: `${c.key} ${pick(c.name)}` })),
              { value: '-', label: t('evaluation.results.noClass') },
            ]}
            style={{ width: 150 }}
            popupMatchSelectWidth={false}
          />
          <IndustrySelect
            allowClear
            value={query.industry}
            placeholder={t('enterprises.filters.keyIndustry')}
            aria-label={t('enterprises.filters.keyIndustry')}
            onChange={(v) => update({ industry: typeof v === 'string' ? v : undefined })}
            style={{ width: 150 }}
            popupMatchSelectWidth={false}
          />
          {filtered && (
            <Button
              type="link"
              onClick={() =>
                update({
                  cohort: undefined,
                  platformId: undefined,
                  class: undefined,
                  industry: undefined,
                  keyword: undefined,
                })
              }
            >
              {t('common.resetFilters')}
            </Button>
          )}
        </Flex>
      )}
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Table<EvaluationResult>
        data-testid="result-table"
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending || isFetching}
        onChange={onTableChange}
        scroll={{ x: 1420 }}
        locale={{
          emptyText: (
            <TableEmpty
              error={error}
              description={filtered ? t('evaluation.results.emptyFiltered') : t('evaluation.results.empty')}
            />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: RESULT_PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
        }}
      />
    </Flex>
  );
}
