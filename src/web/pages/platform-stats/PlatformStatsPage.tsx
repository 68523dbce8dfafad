import { useEffect, useState } from 'react';
import { Alert, App, Card, Flex, Select, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { usePlatformStats, usePlatformYearFigures } from '../../api/platformStats';
import { usePlatformOptions } from '../../api/platforms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../lib/usePageTitle';
import { ImportProblemsAlert, StatsImport, type ImportProblems } from './StatsImport';
import { StatsTable } from './StatsTable';
import { defaultYear, recentYears } from './statsForm';

const positive = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * Reported statistics (统计上报数): a platform-year's figures entered by hand. The task force picks
 * any platform; a platform administrator reports for their own. Year and platform live in the URL.
 */
export function PlatformStatsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  usePageTitle(t('platformStats.title'));
  const { data: me } = useMe();
  const { data: platforms, isPending: platformsPending } = usePlatformOptions();
  const [params, setParams] = useSearchParams();
  const [dirty, setDirty] = useState(false);
  // Bumped after a save or an import: the form starts again from the stored figures.
  const [generation, setGeneration] = useState(0);
  const [importProblems, setImportProblems] = useState<ImportProblems | null>(null);

  const ownPlatform = me?.platformId ?? null;
  const year = positive(params.get('year')) ?? defaultYear();
  const requested = positive(params.get('platformId'));
  const platformId =
    ownPlatform ??
    (requested !== undefined && platforms?.some((p) => p.id === requested) ? requested : platforms?.[0]?.id);
  const platformName = platforms?.find((p) => p.id === platformId)?.name;

  const stats = usePlatformStats(year, platformId);
  const figures = usePlatformYearFigures(year, platformId);

  // Keep the URL showing what is on screen (a shared link opens the same platform-year).
  useEffect(() => {
    if (platformId === undefined || ownPlatform !== null) return;
    if (params.get('platformId') !== String(platformId))
      setParams(
        (p) => {
          p.set('platformId', String(platformId));
          return p;
        },
        { replace: true },
      );
  }, [platformId, ownPlatform, params, setParams]);

  /** Changes year or platform, asking first when the form has unsaved changes. */
  const choose = (key: 'year' | 'platformId', value: number) => {
    const go = () => {
      setDirty(false);
      setParams((p) => {
        p.set(key, String(value));
        return p;
      });
    };
    if (!dirty) return go();
    modal.confirm({
      title: t('form.leaveTitle'),
      content: t('form.leaveContent'),
      okText: t('form.leave'),
      cancelText: t('form.stay'),
      okButtonProps: { danger: true },
      onOk: go,
    });
  };

  const years = recentYears(12);
  if (!years.includes(year)) years.push(year);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('platformStats.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('platformStats.subtitle')}</Typography.Text>
        </Flex>
        <StatsImport
          year={year}
          disabled={dirty}
          onImported={() => setGeneration((g) => g + 1)}
          onProblems={setImportProblems}
        />
      </Flex>
      {importProblems && (
        <ImportProblemsAlert problems={importProblems} onClose={() => setImportProblems(null)} />
      )}

      <Card size="small">
        <Flex gap={16} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>{t('platformStats.year')}</Typography.Text>
            <Select<number>
              value={year}
              onChange={(y) => choose('year', y)}
              options={years.map((y) => ({ value: y, label: t('platformStats.yearLabel', { year: y }) }))}
              style={{ width: 120 }}
              aria-label={t('platformStats.year')}
              data-testid="stats-year"
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>{t('platformStats.platform')}</Typography.Text>
            {ownPlatform !== null ? (
              <Typography.Text strong data-testid="stats-platform-fixed">
                {platformName ?? '…'}
              </Typography.Text>
            ) : (
              <Select<number>
                showSearch={{ optionFilterProp: 'label' }}
                value={platformId}
                loading={platformsPending}
                onChange={(id) => choose('platformId', id)}
                options={(platforms ?? []).map((p) => ({ value: p.id, label: p.name }))}
                placeholder={t('platformStats.choosePlatform')}
                aria-label={t('platformStats.platform')}
                style={{ width: 280 }}
                popupMatchSelectWidth={false}
                data-testid="stats-platform"
              />
            )}
          </Flex>
        </Flex>
      </Card>

      <Alert type="info" showIcon title={t('platformStats.explain')} />

      {stats.error ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : platformId === undefined ? (
        platformsPending ? (
          <Spin />
        ) : (
          <Alert type="warning" showIcon title={t('platformStats.noPlatform')} />
        )
      ) : stats.data === undefined ? (
        <Card>
          <Spin />
        </Card>
      ) : (
        <StatsTable
          key={`${platformId}:${year}:${generation}`}
          platformId={platformId}
          year={year}
          stats={stats.data}
          figures={figures.data}
          figuresPending={figures.isPending}
          onDirtyChange={setDirty}
          onSaved={() => setGeneration((g) => g + 1)}
        />
      )}
    </Flex>
  );
}
