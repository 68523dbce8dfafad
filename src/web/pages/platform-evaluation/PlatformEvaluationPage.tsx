import { useCallback, useMemo } from 'react';
import { Alert, Button, Card, Empty, Flex, Select, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useMethod, useMethods } from '../../api/evaluationMethods';
import {
  platformEvaluationExportUrl,
  useMethodSubjects,
  usePlatformEvaluation,
  type PlatformEvaluation,
} from '../../api/platformEvaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFactor, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTabParam } from '../../lib/useTabParam';
import { DIMENSIONS } from '../../../modules/evaluation/core/indicators';
import { AllocationTab } from './AllocationTab';
import { MyQuotaCard } from './MyQuotaCard';
import { RankingTab } from './RankingTab';
import { ScorecardDrawer, ScorecardPanel } from './ScorecardPanel';
import { dimensionWeights, indicatorName, intParam, noDataSummary } from './peFormat';
import './platformEvaluation.css';

const TABS = ['ranking', 'allocation'] as const;
const PRESET_KEY = 'platform-2022';

/** Year, method and the open scorecard live in the address, so a view can be shared or reloaded. */
function useViewParams() {
  const [params, setParams] = useSearchParams();
  const year = intParam(params.get('year'));
  const methodId = intParam(params.get('method'));
  const platformId = intParam(params.get('platform'));
  const update = useCallback(
    (patch: Record<string, number | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch))
            if (v === undefined) next.delete(k);
            else next.set(k, String(v));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { year, methodId, platformId, update };
}

/**
 * Platform evaluation (plan §4.2): the 16 platforms scored on four dimensions with a platform
 * method, ranked, the leading parks named, and the land and energy quota pools divided by score.
 */
export function PlatformEvaluationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('nav.platform-evaluation'));
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'quota:write');
  const ownPlatform = me?.platformId ?? null;
  const { year, methodId, platformId, update } = useViewParams();
  const [tab, setTab] = useTabParam(TABS);
  const evaluation = usePlatformEvaluation(year, methodId);
  const data = evaluation.data;

  // Platform methods for the selector: the list does not carry the subject, each version does.
  const canReadMethods = hasPermission(me, 'evaluation:read');
  const methods = useMethods();
  const { subjects } = useMethodSubjects(methods.data, canReadMethods);
  const platformMethods = useMemo(
    () =>
      (methods.data ?? [])
        .filter((m) => subjects.get(m.id) === 'platform')
        .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version),
    [methods.data, subjects],
  );
  // The method the year's pool uses: its own, or the latest version of the preset.
  const poolMethodId = useMemo(() => {
    if (!data) return undefined;
    if (data.pool.methodId !== null) return data.pool.methodId;
    const preset = (methods.data ?? []).filter((m) => m.key === PRESET_KEY);
    return preset.length ? preset.reduce((a, b) => (b.version > a.version ? b : a)).id : undefined;
  }, [data, methods.data]);
  const { data: methodDetail } = useMethod(data?.method.id);

  const years = useMemo(() => [...(data?.years ?? [])].sort((a, b) => b - a), [data]);
  const shownYear = data?.year ?? year;
  const selected = data?.platforms.find((p) => p.platformId === platformId) ?? null;
  const isPlatformAdmin = ownPlatform !== null;
  const pick = (text: { zh: string; en: string }) => (lang === 'en' ? text.en || text.zh : text.zh);

  const header = (
    <Flex align="center" justify="space-between" wrap gap={8}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('platformEvaluation.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('platformEvaluation.subtitle')}</Typography.Text>
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Select<number>
          value={shownYear}
          aria-label={t('platformEvaluation.year')}
          placeholder={t('platformEvaluation.year')}
          onChange={(v) => update({ year: v })}
          options={years.map((y) => ({ value: y, label: t('platformEvaluation.yearLabel', { year: y }) }))}
          loading={evaluation.isPending}
          disabled={years.length === 0}
          style={{ width: 110 }}
          data-testid="pe-year"
        />
        {canReadMethods && (
          <Select<number>
            value={data?.method.id}
            aria-label={t('platformEvaluation.method')}
            placeholder={t('platformEvaluation.method')}
            onChange={(v) => update({ method: v === poolMethodId ? undefined : v })}
            options={(platformMethods.length
              ? platformMethods
              : data
                ? [{ id: data.method.id, key: data.method.key, version: data.method.version, name: '' }]
                : []
            ).map((m) => ({
              value: m.id,
              label: `${m.id === data?.method.id ? pick(data.method.name) : m.name || m.key} v${m.version}`,
              key: m.key,
            }))}
            optionRender={(o) => (
              <Flex justify="space-between" gap={16}>
                <span>{o.label}</span>
                <Typography.Text type="secondary" code>
                  {o.data.key}
                </Typography.Text>
              </Flex>
            )}
            popupMatchSelectWidth={false}
            style={{ width: 260 }}
            data-testid="pe-method"
          />
        )}
        <Button
          icon={<DownloadOutlined />}
          href={
            shownYear !== undefined
              ? platformEvaluationExportUrl(shownYear, methodId === undefined ? undefined : data?.method.id)
              : undefined
          }
          disabled={shownYear === undefined || !data?.platforms.length}
          download
          data-testid="pe-export"
        >
          {t('common.exportExcel')}
        </Button>
      </Flex>
    </Flex>
  );

  if (evaluation.error && !data)
    return (
      <Flex vertical gap={16}>
        {header}
        <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />
      </Flex>
    );

  return (
    <Flex vertical gap={16}>
      {header}
      {evaluation.error && <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />}
      {!data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : data.platforms.length === 0 ? (
        <Card>
          <Empty description={t('platformEvaluation.empty', { year: data.year })} />
        </Card>
      ) : (
        <Spin spinning={evaluation.isFetching && evaluation.isPlaceholderData}>
          <Flex vertical gap={16}>
            <MethodNote data={data} />
            {isPlatformAdmin ? (
              <Flex vertical gap={16}>
                <MyQuotaCard data={data} platform={data.platforms[0]!} />
                <Card size="small" title={t('platformEvaluation.scorecard.title')}>
                  <ScorecardPanel
                    data={data}
                    platform={data.platforms[0]!}
                    method={methodDetail?.definition}
                  />
                </Card>
              </Flex>
            ) : (
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'ranking',
                    label: t('platformEvaluation.tabs.ranking'),
                    children: (
                      <RankingTab
                        data={data}
                        classes={methodDetail?.definition.classes}
                        onOpen={(id) => update({ platform: id })}
                      />
                    ),
                  },
                  {
                    key: 'allocation',
                    label: t('platformEvaluation.tabs.allocation'),
                    children: (
                      <AllocationTab
                        data={data}
                        canWrite={canWrite}
                        chosenMethodId={methodId}
                        poolMethodId={poolMethodId}
                        onOpen={(id) => update({ platform: id })}
                      />
                    ),
                  },
                ]}
              />
            )}
          </Flex>
        </Spin>
      )}
      {data && !isPlatformAdmin && (
        <ScorecardDrawer
          data={data}
          platform={selected}
          method={methodDetail?.definition}
          onClose={() => update({ platform: undefined })}
        />
      )}
    </Flex>
  );
}

/** The method in one line: design weights per dimension; what has no data yet and the rescale. */
function MethodNote({ data }: { data: PlatformEvaluation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = data.platforms[0]?.items ?? [];
  const weights = dimensionWeights(items);
  const total = DIMENSIONS.reduce((s, d) => s + weights[d], 0);
  const noData = noDataSummary(data.noData, items);
  const separator = t('platformEvaluation.listSeparator');
  const name = lang === 'en' ? data.method.name.en || data.method.name.zh : data.method.name.zh;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="pe-method-note"
      title={
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>
            {t('platformEvaluation.note.method', {
              name,
              key: data.method.key,
              version: data.method.version,
            })}
          </Typography.Text>
          <span>
            {DIMENSIONS.map((d) =>
              t('platformEvaluation.note.weight', {
                dimension: t(`platformEvaluation.dimension.${d}`),
                weight: formatSetting(weights[d]),
              }),
            ).join(' · ')}
            {t('platformEvaluation.note.total', { total: formatSetting(total) })}
          </span>
        </Flex>
      }
      description={
        noData ? (
          <span>
            {t('platformEvaluation.note.noData', {
              groups: noData.byDimension
                .map((g) =>
                  t('platformEvaluation.note.noDataGroup', {
                    dimension: t(`platformEvaluation.dimension.${g.dimension}`),
                    count: g.indicators.length,
                  }),
                )
                .join(separator),
              total: formatSetting(noData.totalWeight),
              available: formatSetting(noData.availableWeight),
              factor: formatFactor(noData.rescale),
            })}{' '}
            <Tooltip
              title={noData.indicators.map((k) => indicatorName(k, lang)).join(separator)}
              placement="bottom"
            >
              <Tag style={{ cursor: 'help', marginInlineEnd: 0 }}>
                {t('platformEvaluation.note.which', { count: noData.indicators.length })}
              </Tag>
            </Tooltip>
          </span>
        ) : (
          t('platformEvaluation.note.allData')
        )
      }
    />
  );
}
