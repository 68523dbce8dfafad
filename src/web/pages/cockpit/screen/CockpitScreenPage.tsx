import { App, ConfigProvider, Empty, Spin, theme } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citation } from '../../../lib/officialNames';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../api/auth';
import { useCockpit, useCockpitPlatformOptions } from '../../../api/cockpit';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../lib/usePageTitle';
import '../cockpit.css';
import './screen.css';
import { BubbleChart, ClusterChart } from '../CockpitCharts';
import { nameIn } from '../cockpitFormat';
import { DrillDrawer, type DrillRequest } from '../DrillDrawer';
import { TargetCards, TargetCardsSkeleton } from '../TargetCards';
import { useCockpitMetrics } from '../useCockpitMetrics';
import { ScreenHeader } from './ScreenHeader';
import { ScreenRanking } from './ScreenRanking';
import { refreshSeconds } from './screenSettings';
import { useElementHeight } from './useElementHeight';
import { useFullscreen } from './useFullscreen';

/** Panel title bar and the line of notes under a chart, in pixels. */
const PANEL_TITLE = 34;
const CHART_NOTE = 44;
const TABLE_HEAD = 44;

function intParam(v: string | null): number | undefined {
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * The cockpit on a large screen (数字驾驶舱, 1920 × 1080): the target cards, the clusters, the
 * bubbles and the ranking on one dark screen without scrolling, refreshed on its own, full screen
 * with the F key. The address carries the normal cockpit's year, period and platform, and `refresh`.
 */
export function CockpitScreenPage() {
  const { t } = useTranslation();
  usePageTitle(t('cockpit.screen.open'));
  const { message } = App.useApp();
  const navigate = useNavigate();
  const metrics = useCockpitMetrics();
  const { lang } = metrics;
  const { data: me } = useMe();
  const ownPlatform = me?.platformId ?? null;
  const [params, setParams] = useSearchParams();
  const year = intParam(params.get('year'));
  const period = params.get('period') ?? undefined;
  const platformParam = ownPlatform === null ? intParam(params.get('platform')) : undefined;
  const refresh = refreshSeconds(params.get('refresh'));
  const cockpit = useCockpit({ year, period, platformId: platformParam || undefined }, refresh * 1000);
  const options = useCockpitPlatformOptions();
  const { data } = cockpit;
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const panelsRef = useRef<HTMLDivElement>(null);
  const panelHeight = useElementHeight(panelsRef);

  const refused = useCallback(() => void message.warning(t('cockpit.screen.fullscreenFailed')), [message, t]);
  const fullscreen = useFullscreen(refused);

  const platformNames = useMemo(
    () => new Map((data?.platforms ?? []).map((p) => [p.id, nameIn(lang, p.name, p.nameEn)])),
    [data, lang],
  );
  const scopeId = data?.platformId ?? null;
  const city = scopeId === null;
  const scopeName = city ? t('cockpit.city') : (platformNames.get(scopeId) ?? t('cockpit.platformScope'));
  const demo = (options.data ?? []).some((p) => p.isDemo && (city || p.id === scopeId));

  const setRefresh = (seconds: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('refresh', String(seconds));
        return next;
      },
      { replace: true },
    );

  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    const next = new URLSearchParams(params);
    next.delete('refresh');
    const query = next.toString();
    navigate(`/cockpit${query ? `?${query}` : ''}`);
  };

  const body = panelHeight - PANEL_TITLE;
  const chartHeight = Math.max(160, body - CHART_NOTE);
  const rowHeight = data
    ? Math.max(24, Math.min(40, Math.floor((body - TABLE_HEAD) / data.platforms.length)))
    : 32;

  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        token: { colorPrimary: '#3c89e8', colorBgContainer: '#0e1c36', colorBgLayout: '#050d1f' },
      }}
    >
      <div className="yy-screen" data-testid="cockpit-screen">
        <ScreenHeader
          title={data ? t('cockpit.screen.title', { scope: scopeName, year: data.year }) : t('nav.cockpit')}
          subtitle={
            data
              ? t('cockpit.periodLine', {
                  name: nameIn(lang, data.period.nameZh, data.period.nameEn),
                  source: citation(data.period.source, lang),
                })
              : null
          }
          demo={demo}
          updatedAt={cockpit.dataUpdatedAt}
          dataVersion={data?.dataVersion ?? null}
          refresh={refresh}
          onRefresh={setRefresh}
          fullscreen={fullscreen.on}
          onFullscreen={fullscreen.toggle}
          onExit={exit}
        />
        {cockpit.error && <ErrorAlert error={cockpit.error} onRetry={() => void cockpit.refetch()} />}
        {!data ? (
          <Spin size="large" className="yy-screen-spin" />
        ) : data.targets.length === 0 ? (
          <Empty description={t('cockpit.noTargets')} />
        ) : metrics.ready ? (
          <TargetCards
            data={data}
            metrics={metrics}
            platformCount={data.platforms.length}
            onDrill={setDrill}
          />
        ) : (
          <TargetCardsSkeleton count={data.targets.length} />
        )}
        <div ref={panelsRef} className={`yy-screen-panels${city ? '' : ' yy-screen-panels-two'}`}>
          {data && panelHeight > 0 && (
            <>
              {city && (
                <section className="yy-screen-panel" data-testid="cockpit-clusters">
                  <h3 className="yy-screen-panel-title">
                    {t('cockpit.clusters.title')}
                    <span className="yy-screen-unit">{t('cockpit.clusters.unit')}</span>
                  </h3>
                  <ClusterChart data={data} metrics={metrics} height={chartHeight} onDrill={setDrill} dark />
                </section>
              )}
              <section className="yy-screen-panel" data-testid="cockpit-bubbles">
                <h3 className="yy-screen-panel-title">{t('cockpit.bubbles.title')}</h3>
                <BubbleChart
                  data={data}
                  metrics={metrics}
                  height={chartHeight}
                  highlight={null}
                  onSelect={(p) =>
                    setDrill({
                      metric: 'platform_output',
                      platformId: p.id,
                      title: nameIn(lang, p.name, p.nameEn),
                    })
                  }
                  dark
                />
              </section>
              <section className="yy-screen-panel" data-testid="cockpit-ranking">
                <h3 className="yy-screen-panel-title">
                  {t('cockpit.screen.rankingTitle')}
                  <span className="yy-screen-unit">{t('cockpit.screen.rankingNote')}</span>
                </h3>
                <ScreenRanking platforms={data.platforms} metrics={metrics} rowHeight={rowHeight} />
              </section>
            </>
          )}
        </div>
      </div>
      {data && (
        <DrillDrawer
          request={drill}
          year={data.year}
          metrics={metrics}
          platformNames={platformNames}
          scopeName={scopeName}
          clusterLines={data.clusterLines}
          onClose={() => setDrill(null)}
          onDrill={setDrill}
        />
      )}
    </ConfigProvider>
  );
}
