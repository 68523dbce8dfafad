import { useCallback, useMemo } from 'react';
import { useMetricCatalogue, type BaseFigure, type MetricInfo, type MetricKey } from '../../api/cockpit';
import { useLang } from '../../lib/useLang';
import type { Lang } from '../../i18n';
import { formatMetric, nameIn } from './cockpitFormat';

export interface CockpitMetrics {
  lang: Lang;
  info: (key: MetricKey) => MetricInfo | undefined;
  /** The metric's name from the catalogue (zh / en), or its key while the catalogue loads. */
  name: (key: MetricKey) => string;
  unit: (key: MetricKey) => string;
  formula: (key: MetricKey) => string;
  format: (
    key: MetricKey,
    value: number | null | undefined,
    options?: { exact?: boolean; unit?: boolean },
  ) => string;
  figureName: (figure: BaseFigure | string) => string;
  /** A base figure's value with its unit (amounts at a readable scale). */
  formatFigure: (figure: BaseFigure | string, value: number | null | undefined) => string;
}

/** The metric catalogue, ready to name, format and explain the cockpit's numbers. */
export function useCockpitMetrics(): CockpitMetrics & { ready: boolean } {
  const lang = useLang();
  const { data } = useMetricCatalogue();
  const metrics = useMemo(() => new Map((data?.metrics ?? []).map((m) => [m.key, m])), [data]);
  const figures = useMemo(() => new Map((data?.figures ?? []).map((f) => [f.key as string, f])), [data]);
  const info = useCallback((key: MetricKey) => metrics.get(key), [metrics]);
  return useMemo(
    () => ({
      lang,
      ready: data !== undefined,
      info,
      name: (key) => {
        const m = metrics.get(key);
        return m ? nameIn(lang, m.zh, m.en) : key;
      },
      unit: (key) => {
        const m = metrics.get(key);
        return m ? (lang === 'en' ? m.unitEn : m.unitZh) : '';
      },
      formula: (key) => {
        const m = metrics.get(key);
        return m ? nameIn(lang, m.formulaZh, m.formulaEn) : '';
      },
      format: (key, value, options) => formatMetric(metrics.get(key), value, lang, options),
      figureName: (figure) => {
        const f = figures.get(figure);
        return f ? nameIn(lang, f.zh, f.en) : figure;
      },
      formatFigure: (figure, value) => {
        const f = figures.get(figure);
        if (!f) return formatMetric(undefined, value, lang);
        if (f.kind === 'amount' && f.unitZh === '万元')
          return formatMetric({ format: 'amount', unitZh: '', unitEn: '' }, value, lang);
        return formatMetric(
          { format: f.kind === 'amount' ? 'decimal' : 'count', unitZh: f.unitZh, unitEn: f.unitEn },
          value,
          lang,
        );
      },
    }),
    [lang, data, info, metrics, figures],
  );
}
