import { DesktopOutlined, FileImageOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citation } from '../../lib/officialNames';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import {
  useCockpit,
  useCockpitPlatformOptions,
  usePlanPeriods,
  type CockpitPlatform,
} from '../../api/cockpit';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { watermarkLines } from '../../lib/watermark';
import './cockpit.css';
import { CockpitBody, CockpitSkeleton } from './CockpitBody';
import { nameIn } from './cockpitFormat';
import { DrillDrawer, type DrillRequest } from './DrillDrawer';
import { elementToPng, saveBlob } from './exportImage';
import { useCockpitMetrics } from './useCockpitMetrics';

const CITY = 0;

function intParam(v: string | null): number | undefined {
  if (!v || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * The cockpit (驾驶舱): the period's targets assessed for a year, the platforms ranked, the key
 * industries against the cluster lines, the platforms as bubbles; every number drills down to the
 * records behind it. Period, year and platform live in the address.
 */
export function CockpitPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.cockpit'));
  const { message } = App.useApp();
  const metrics = useCockpitMetrics();
  const { lang } = metrics;
  const { data: me } = useMe();
  // A platform administrator's cockpit is their platform (the API scopes it).
  const ownPlatform = me?.platformId ?? null;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const year = intParam(params.get('year'));
  const period = params.get('period') ?? undefined;
  const platformParam = ownPlatform === null ? intParam(params.get('platform')) : undefined;
  const cockpit = useCockpit({ year, period, platformId: platformParam || undefined });
  const periods = usePlanPeriods();
  const options = useCockpitPlatformOptions();
  const { data } = cockpit;

  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [highlighted, setHighlighted] = useState<{ id: number; view: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const areaRef = useRef<HTMLDivElement>(null);

  const setParam = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const platformNames = useMemo(() => {
    const m = new Map<number, string>();
    for (const p of options.data ?? []) m.set(p.id, nameIn(lang, p.name, p.nameEn));
    for (const p of data?.platforms ?? []) m.set(p.id, nameIn(lang, p.name, p.nameEn));
    return m;
  }, [options.data, data, lang]);

  const scopeId = data?.platformId ?? null;
  const scopeName =
    scopeId === null ? t('cockpit.city') : (platformNames.get(scopeId) ?? t('cockpit.platformScope'));
  const demo = (options.data ?? []).some((p) => p.isDemo && (scopeId === null || p.id === scopeId)) ?? false;

  // A highlight belongs to the year and scope it was made in.
  const view = `${data?.year}:${scopeId}`;
  const highlight = highlighted?.view === view ? highlighted.id : null;

  const yearOptions = useMemo(() => {
    if (!data) return [];
    const { startYear, endYear } = data.period;
    const inPeriod = data.years.filter((y) => y >= startYear && y <= endYear);
    return [...new Set([...inPeriod, data.year])].sort((a, b) => b - a);
  }, [data]);

  const exportName = data ? `${t('nav.cockpit')}-${data.year}-${scopeName}` : t('nav.cockpit');

  const exportPng = async () => {
    if (!areaRef.current) return;
    setExporting(true);
    try {
      // Let the button's loading state paint before the (synchronous) cloning.
      await new Promise((r) => setTimeout(r, 30));
      const blob = await elementToPng(areaRef.current, {
        exclude: (el) => el.classList.contains('yy-no-print'),
        background: '#f5f5f5',
        watermark: me ? watermarkLines(me, new Date()) : undefined,
      });
      saveBlob(blob, `${exportName}.png`);
      void message.success(t('cockpit.export.pngDone'));
    } catch {
      void message.error(t('cockpit.export.pngFailed'));
    } finally {
      setExporting(false);
    }
  };

  const exportPdf = () => {
    const title = document.title;
    document.title = exportName;
    window.addEventListener('afterprint', () => (document.title = title), { once: true });
    window.print();
  };

  const openDrill = useCallback((req: DrillRequest) => setDrill(req), []);
  const selectPlatform = useCallback(
    (p: CockpitPlatform) => {
      setHighlighted({ id: p.id, view });
      setDrill({ metric: 'platform_output', platformId: p.id, title: nameIn(lang, p.name, p.nameEn) });
    },
    [lang, view],
  );

  const periodLabel = (p: { startYear: number; endYear: number; nameZh: string; nameEn: string }) =>
    t('cockpit.periodOption', { from: p.startYear, to: p.endYear });

  const header = (
    <Flex wrap justify="space-between" align="start" gap={12}>
      <Flex vertical gap={0} style={{ minWidth: 0, flex: '1 1 300px' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="cockpit-title">
            {data ? t('cockpit.title', { scope: scopeName, year: data.year }) : t('nav.cockpit')}
          </Typography.Title>
          {demo && <DemoTag />}
        </Flex>
        {data && (
          <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 13 }}>
            {t('cockpit.periodLine', {
              name: nameIn(lang, data.period.nameZh, data.period.nameEn),
              source: citation(data.period.source, lang),
            })}
          </Typography.Text>
        )}
        {data && (
          <Typography.Text type="secondary" className="yy-cockpit-asof" data-testid="cockpit-asof">
            {t('cockpit.asOf', {
              year: data.year,
              version: data.dataVersion,
              at: formatDateTime(new Date(cockpit.dataUpdatedAt)),
            })}
          </Typography.Text>
        )}
      </Flex>
      <Flex wrap gap={8} align="center" className="yy-no-print">
        <Select
          aria-label={t('cockpit.period')}
          data-testid="cockpit-period"
          style={{ width: 150 }}
          loading={periods.isPending}
          value={data?.period.key ?? period}
          onChange={(v: string) => setParam({ period: v, year: undefined })}
          options={(periods.data ?? []).map((p) => ({
            value: p.key,
            label: periodLabel(p),
            title: nameIn(lang, p.nameZh, p.nameEn),
          }))}
          popupMatchSelectWidth={false}
        />
        <Select
          aria-label={t('cockpit.year')}
          data-testid="cockpit-year"
          style={{ width: 100 }}
          value={data?.year}
          onChange={(v: number) => setParam({ year: String(v) })}
          options={yearOptions.map((y) => ({ value: y, label: t('cockpit.yearOption', { year: y }) }))}
        />
        {ownPlatform === null ? (
          <Select<number>
            aria-label={t('cockpit.platform')}
            data-testid="cockpit-platform"
            style={{ width: 170 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={platformParam ?? CITY}
            onChange={(v) => setParam({ platform: v === CITY ? undefined : String(v) })}
            options={[
              { value: CITY, label: t('cockpit.city') },
              ...(options.data ?? []).map((p) => ({ value: p.id, label: nameIn(lang, p.name, p.nameEn) })),
            ]}
            popupMatchSelectWidth={false}
          />
        ) : (
          <Tooltip title={t('cockpit.ownPlatformHint')}>
            <Tag
              color="blue"
              style={{ marginInlineEnd: 0, lineHeight: '30px' }}
              data-testid="cockpit-own-platform"
            >
              {scopeName}
            </Tag>
          </Tooltip>
        )}
        <Button
          icon={<FileImageOutlined />}
          onClick={() => void exportPng()}
          loading={exporting}
          disabled={!data}
          data-testid="cockpit-export-png"
        >
          {t('cockpit.export.png')}
        </Button>
        <Tooltip title={t('cockpit.export.pdfHint')}>
          <Button
            icon={<PrinterOutlined />}
            onClick={exportPdf}
            disabled={!data}
            data-testid="cockpit-export-pdf"
          >
            {t('cockpit.export.pdf')}
          </Button>
        </Tooltip>
        <Tooltip title={t('cockpit.screen.openHint')}>
          <Button
            icon={<DesktopOutlined />}
            onClick={() => navigate(`/cockpit/screen${params.size ? `?${params.toString()}` : ''}`)}
            data-testid="cockpit-open-screen"
          >
            {t('cockpit.screen.open')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );

  return (
    <>
      <div ref={areaRef} className="yy-cockpit" data-testid="cockpit">
        {header}
        {cockpit.error && <ErrorAlert error={cockpit.error} onRetry={() => void cockpit.refetch()} />}
        {!data ? (
          cockpit.error ? null : (
            <CockpitSkeleton />
          )
        ) : (
          <CockpitBody
            data={data}
            metrics={metrics}
            platformCount={data.platforms.length}
            highlight={highlight}
            onDrill={openDrill}
            onSelectPlatform={selectPlatform}
            fetching={cockpit.isFetching && cockpit.isPlaceholderData}
          />
        )}
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
          onDrill={openDrill}
        />
      )}
    </>
  );
}
