import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import {
  chainLeadersExportUrl,
  useChainLeaders,
  useChainLeaderSummary,
  type ChainLeaderRow,
} from '../../api/chainLeaders';
import { useReferenceMaps } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { CandidateTable } from './CandidateTable';
import { parseQuery } from './chainLeadersFormat';
import { HistoryDrawer, YearDecisions } from './DecisionHistory';
import { DecisionModal, type PendingDecision } from './DecisionModal';
import { SummaryPanel } from './SummaryPanel';

/**
 * Chain leaders (链主企业, plan §3.1): the system proposes the enterprises with output ≥ 20 亿元;
 * the task force confirms or declines each with a reason. Leaders and platforms read.
 */
export function ChainLeadersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('nav.chain-leaders'));
  const { data: me } = useMe();
  const canDecide = hasPermission(me, 'chain:decide');
  const { industries } = useReferenceMaps();
  // The year, filters and page live in the address, so a view can be shared or reloaded.
  const { query, update } = useQueryParams(parseQuery);
  const list = useChainLeaders(query);
  const summary = useChainLeaderSummary(query.year);
  const [deciding, setDeciding] = useState<PendingDecision | null>(null);
  const [history, setHistory] = useState<{ id: number; name: string } | null>(null);

  // The year shown: the one asked for, else the latest with figures (the server's choice).
  const year = query.year ?? list.data?.year ?? summary.data?.year;
  const years = useMemo(
    () => [...(list.data?.years ?? summary.data?.years ?? [])].sort((a, b) => b - a),
    [list.data, summary.data],
  );
  const noFigures = list.data !== undefined && years.length === 0;
  const industryName = useCallback(
    (code: string | null) =>
      code ? (localName(industries.get(code), lang) ?? code) : t('chainLeaders.table.noKeyIndustry'),
    [industries, lang, t],
  );
  const onHistory = useCallback((r: ChainLeaderRow) => setHistory({ id: r.enterpriseId, name: r.name }), []);

  const { year: _year, page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('chainLeaders.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('chainLeaders.subtitle')}</Typography.Text>
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('chainLeaders.year')}</Typography.Text>
          <Select<number>
            value={year}
            placeholder={t('chainLeaders.year')}
            aria-label={t('chainLeaders.year')}
            onChange={(v) => update({ year: v })}
            options={years.map((y) => ({ value: y, label: t('chainLeaders.yearLabel', { year: y }) }))}
            loading={list.isPending}
            disabled={years.length === 0}
            style={{ width: 120 }}
            data-testid="chain-year"
          />
          <Button
            icon={<DownloadOutlined />}
            href={year !== undefined ? chainLeadersExportUrl({ ...filters, year }) : undefined}
            disabled={year === undefined || noFigures}
            download
            data-testid="chain-export"
          >
            {t('common.exportExcel')}
          </Button>
        </Flex>
      </Flex>

      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {summary.error && !list.error && (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      )}

      {noFigures ? (
        <Card>
          <Empty description={t('chainLeaders.noFigures')} />
        </Card>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            title={t('chainLeaders.rule', { year: year ?? '' })}
            description={canDecide ? t('chainLeaders.ruleTaskForce') : t('chainLeaders.ruleReader')}
          />
          <SummaryPanel
            summary={summary.data}
            loading={summary.isPending || summary.isFetching}
            error={summary.error}
            onPlatform={(platformId) => update({ platformId })}
          />
          <Card size="small" title={t('chainLeaders.table.title', { year: year ?? '' })}>
            <CandidateTable
              year={year}
              data={list.data}
              loading={list.isPending || list.isFetching}
              error={list.error}
              query={query}
              update={update}
              industryName={industryName}
              onDecide={
                canDecide && year !== undefined
                  ? (row, action) => setDeciding({ row, year, action })
                  : undefined
              }
              onHistory={onHistory}
            />
          </Card>
          <Card size="small" title={t('chainLeaders.history.yearTitle', { year: year ?? '' })}>
            <YearDecisions year={year} />
          </Card>
        </>
      )}

      {canDecide && (
        <DecisionModal value={deciding} industryName={industryName} onClose={() => setDeciding(null)} />
      )}
      <HistoryDrawer enterprise={history} onClose={() => setHistory(null)} />
    </Flex>
  );
}
