/**
 * Metrics for the city and each platform and year (domain guide §6–§7), computed in one place and
 * cached until the data they read changes (a counter moved by database triggers).
 */
import type { Database } from '../../platform/db/client';
import { fail, forbidden } from '../../platform/errors';
import { can, platformScope, type Actor } from '../auth/core/access';
import {
  applyReported,
  BASE_FIGURES,
  CHAIN_LEADER_OUTPUT,
  combineSources,
  computeMetrics,
  emptyBases,
  FIGURES,
  METRIC_KEYS,
  METRICS,
  REPORTED_ONLY,
  sourceOf,
  sumBases,
  type BaseFigure,
  type Bases,
  type MetricKey,
  type Override,
  type Source,
} from './core/metrics';
import * as repo from './metrics.repository';
import { countsForT6 } from '../projects/core/figures';
import { metricsOf, type MetricRow } from '../requests/core/requests';
import { workingCalendarIn } from '../calendar/calendar.service';
import { zonedDate } from '../../platform/time-zone';
import type {
  Drill,
  DrillQuery,
  MetricCatalogue,
  MetricsOverview,
  PlatformInfo,
  PlatformYearFigures,
  ScopeValues,
} from './metrics.schemas';

export type { ScopeValues };

export interface PlatformYear {
  platformId: number;
  year: number;
  computed: Bases;
  bases: Bases;
  overrides: Override[];
}

export interface Snapshot {
  version: number;
  platforms: PlatformInfo[];
  /** Years with enterprise figures or reported statistics, ascending. */
  years: number[];
  rows: Map<string, PlatformYear>;
  /** Key-industry output per year (万元). */
  industries: Map<number, Record<string, number>>;
  keyIndustries: { code: string; nameZh: string; nameEn: string }[];
  /**
   * Request figures per platform and year (`platformId:year`): the platform evaluation's 营商环境
   * indicators. Only the figures that do not move with the day are kept (closure, on time,
   * satisfaction).
   */
  requests: Map<string, RequestRates>;
  /** Scope values computed from this snapshot, by year and platforms (they never change). */
  memo: Map<string, ScopeValues>;
}

const keyOf = (platformId: number, year: number) => `${platformId}:${year}`;

/** A platform-year's request figures (企业诉求, docs/services.md "Figures"). */
export interface RequestRates {
  received: number;
  closureRate: number | null;
  onTimeRate: number | null;
  satisfactionShare: number | null;
}
const NO_REQUESTS: RequestRates = {
  received: 0,
  closureRate: null,
  onTimeRate: null,
  satisfactionShare: null,
};

/**
 * Which platforms an actor's cockpit covers: null for all (task force, leaders), one for a
 * platform admin. Others may not read it.
 */
export function cockpitScope(actor: Actor): number[] | null {
  if (!can(actor, 'cockpit:read')) forbidden('cockpit:read');
  const scope = platformScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'platform') return [scope.platformId];
  return fail('FORBIDDEN');
}

export function createMetricsService(database: Database) {
  const { db } = database;
  let cached: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;

  async function load(version: number): Promise<Snapshot> {
    // One consistent read.
    const { platforms, computed, industry, reported, keyIndustries, requests, projects } =
      await database.transaction((tx) => repo.snapshotData(tx), {
        isolation: 'repeatable read',
        readOnly: true,
      });
    const rows = new Map<string, PlatformYear>();
    const years = new Set<number>();
    for (const c of computed) {
      rows.set(keyOf(c.platformId, c.year), { ...c, computed: c.bases, overrides: [] });
      years.add(c.year);
    }
    for (const r of reported) {
      const k = keyOf(r.platformId, r.year);
      let row = rows.get(k);
      if (!row) {
        row = {
          platformId: r.platformId,
          year: r.year,
          computed: emptyBases(),
          bases: emptyBases(),
          overrides: [],
        };
        rows.set(k, row);
      }
      // The override itself: the platform and year are the row's (and not in the contract).
      const { platformId: _platform, year: _year, ...override } = r;
      row.overrides.push(override);
      years.add(r.year);
    }
    // T6 computed from the project registry (once it holds any project): every platform-year counts
    // its projects, 0 included; a reported figure still overrides.
    if (projects.registry) {
      const counts = new Map<string, number>();
      for (const p of projects.rows) {
        const year = p.signedOn ? Number(p.signedOn.slice(0, 4)) : null;
        if (year === null || !countsForT6(p, year)) continue;
        const k = keyOf(p.platformId, year);
        counts.set(k, (counts.get(k) ?? 0) + 1);
        // A year with signings only (the current one) is not a year "with data": the cockpit's
        // default year stays the latest year with enterprise figures or reported statistics.
        if (!rows.has(k))
          rows.set(k, {
            platformId: p.platformId,
            year,
            computed: emptyBases(),
            bases: emptyBases(),
            overrides: [],
          });
      }
      for (const [k, row] of rows) row.computed = { ...row.computed, majorProjects: counts.get(k) ?? 0 };
    }
    for (const row of rows.values()) row.bases = applyReported(row.computed, row.overrides);
    const industries = new Map<number, Record<string, number>>();
    for (const i of industry)
      (industries.get(i.year) ?? industries.set(i.year, {}).get(i.year)!)[i.industry] = i.output;
    const byPlatformYear = new Map<string, MetricRow[]>();
    for (const r of requests) {
      const k = keyOf(r.platformId, r.year);
      (byPlatformYear.get(k) ?? byPlatformYear.set(k, []).get(k)!).push(r);
    }
    const requestRates = new Map<string, RequestRates>();
    if (requests.length) {
      const ys = requests.map((r) => r.year);
      const { calendar } = await workingCalendarIn(db, Math.min(...ys) - 1, Math.max(...ys) + 1);
      const today = zonedDate();
      for (const [k, rs] of byPlatformYear) {
        const m = metricsOf(rs, today, calendar);
        requestRates.set(k, {
          received: m.received,
          closureRate: m.closureRate,
          onTimeRate: m.onTimeRate,
          satisfactionShare: m.satisfactionShare,
        });
      }
    }
    return {
      version,
      platforms,
      years: [...years].sort((a, b) => a - b),
      rows,
      industries,
      keyIndustries,
      requests: requestRates,
      memo: new Map(),
    };
  }

  /** The metrics' data as of now: the cached copy while the data version stands still. */
  async function snapshot(): Promise<Snapshot> {
    const version = await repo.dataVersion(db);
    if (cached?.version === version) return cached;
    if (!loading)
      loading = load(version)
        .then((s) => (cached = s))
        .finally(() => (loading = null));
    const s = await loading;
    return s.version === version ? s : snapshot();
  }

  function platformRow(s: Snapshot, platformId: number, year: number): PlatformYear {
    return (
      s.rows.get(keyOf(platformId, year)) ?? {
        platformId,
        year,
        computed: emptyBases(),
        bases: emptyBases(),
        overrides: [],
      }
    );
  }

  /** One platform's metrics in a year (with last year's for growth). */
  function platformValues(s: Snapshot, platformId: number, year: number): ScopeValues {
    const row = platformRow(s, platformId, year);
    const prev = s.rows.get(keyOf(platformId, year - 1));
    const values = computeMetrics({ bases: row.bases, previous: prev?.bases ?? null }, 'platform');
    const sources = Object.fromEntries(METRIC_KEYS.map((k) => [k, sourceOf(k, row.overrides)])) as Record<
      MetricKey,
      Source
    >;
    return { year, values, sources, reportedBy: {}, bases: row.bases };
  }

  /** The city's metrics in a year, or the sums over some platforms (a platform admin's cockpit). */
  function scopeValues(s: Snapshot, year: number, platformIds: number[] | null): ScopeValues {
    const key = `${year}:${platformIds?.join(',') ?? '*'}`;
    let values = s.memo.get(key);
    if (!values) s.memo.set(key, (values = computeScopeValues(s, year, platformIds)));
    return values;
  }

  function computeScopeValues(s: Snapshot, year: number, platformIds: number[] | null): ScopeValues {
    if (platformIds?.length === 1) return platformValues(s, platformIds[0]!, year);
    const active = s.platforms.filter((p) => !p.archived);
    const ids = platformIds ?? s.platforms.map((p) => p.id);
    const rows = ids.map((id) => platformRow(s, id, year));
    const prevRows = ids.map((id) => s.rows.get(keyOf(id, year - 1))).filter((r) => r !== undefined);
    const bases = sumBases(rows.map((r) => r.bases));
    const values = computeMetrics(
      {
        bases,
        previous: prevRows.length ? sumBases(prevRows.map((r) => r.bases)) : null,
        industryOutput: s.industries.get(year),
        strategicPlatforms: active.filter((p) => p.isStrategic).length,
        platformCount: active.length,
      },
      'city',
    );
    const reportedBy: Partial<Record<MetricKey, number>> = {};
    const sources = {} as Record<MetricKey, Source>;
    for (const k of METRIC_KEYS) {
      const withData = rows.filter((r) => METRICS[k].figures.some((f) => r.bases[f] !== null));
      sources[k] = withData.length
        ? combineSources(withData.map((r) => sourceOf(k, r.overrides)))
        : sourceOf(k, []); // nobody has data: the metric's own kind (reported-only stays "reported")
      if (METRICS[k].figures.some((f) => REPORTED_ONLY.includes(f)))
        reportedBy[k] = rows.filter((r) =>
          r.overrides.some((o) => METRICS[k].figures.includes(o.figure)),
        ).length;
      if (k === 'strategic_platforms') sources[k] = 'registry';
    }
    return { year, values, sources, reportedBy, bases };
  }

  /** A platform's request figures in a year (none: nulls). */
  function requestRates(s: Snapshot, platformId: number, year: number): RequestRates {
    return s.requests.get(keyOf(platformId, year)) ?? NO_REQUESTS;
  }

  return {
    snapshot,
    platformRow,
    requestRates,
    platformValues,
    scopeValues,

    /** Names, units, formats and formulas of every metric and base figure (static). */
    catalogue(): MetricCatalogue {
      return {
        metrics: METRIC_KEYS.map((k) => {
          const { compute: _compute, ...d } = METRICS[k];
          return d;
        }),
        figures: BASE_FIGURES.map((k) => FIGURES[k]),
      };
    },

    /** The metrics of the actor's scope for a year, with the yearly series of every metric. */
    async overview(actor: Actor, year?: number, platformId?: number): Promise<MetricsOverview> {
      const scope = cockpitScope(actor);
      const s = await snapshot();
      let ids = scope;
      if (platformId !== undefined) {
        if (scope && !scope.includes(platformId)) fail('PLATFORM_NOT_FOUND');
        if (!s.platforms.some((p) => p.id === platformId)) fail('PLATFORM_NOT_FOUND');
        ids = [platformId];
      }
      const y = year ?? s.years[s.years.length - 1] ?? new Date().getFullYear() - 1;
      return { year: y, years: s.years, scope: ids, current: scopeValues(s, y, ids) };
    },

    /** A platform-year's bases: computed, reported and in effect (for the reported-statistics form). */
    async platformYear(actor: Actor, platformId: number, year: number): Promise<PlatformYearFigures> {
      const scope = cockpitScope(actor);
      if (scope && !scope.includes(platformId)) fail('PLATFORM_NOT_FOUND');
      const s = await snapshot();
      if (!s.platforms.some((p) => p.id === platformId)) fail('PLATFORM_NOT_FOUND');
      const row = platformRow(s, platformId, year);
      const reported = Object.fromEntries(BASE_FIGURES.map((f) => [f, null])) as Record<
        BaseFigure,
        number | null
      >;
      for (const o of row.overrides) reported[o.figure] = o.value;
      return {
        platformId,
        year,
        computed: row.computed,
        reported,
        bases: row.bases,
        overrides: row.overrides,
      };
    },

    /** The records behind a number: enterprises (paged), platforms, reported figures or industries. */
    async drill(actor: Actor, q: DrillQuery): Promise<Drill> {
      const scope = cockpitScope(actor);
      if (q.platformId !== undefined && scope && !scope.includes(q.platformId)) fail('PLATFORM_NOT_FOUND');
      const ids = q.platformId !== undefined ? [q.platformId] : scope;
      const s = await snapshot();
      const def = METRICS[q.metric];
      if (q.metric === 'strategic_platforms')
        return {
          kind: 'platforms',
          platforms: s.platforms.filter((p) => p.isStrategic && !p.archived && (!ids || ids.includes(p.id))),
        };
      if (q.metric === 'major_projects') {
        const overrides = [...s.rows.values()]
          .filter((r) => r.year === q.year && (!ids || ids.includes(r.platformId)))
          .flatMap((r) =>
            r.overrides
              .filter((o) => def.figures.includes(o.figure))
              .map((o) => ({ ...o, platformId: r.platformId })),
          );
        return { kind: 'projects', projects: await repo.majorProjectRows(db, q.year, ids), overrides };
      }
      if ((q.metric === 'clusters_100bn' || q.metric === 'clusters_1tn') && !q.industry)
        return { kind: 'industries', industries: s.industries.get(q.year) ?? {} };
      if (def.figures.length && def.figures.every((f) => REPORTED_ONLY.includes(f))) {
        const reported = [...s.rows.values()]
          .filter((r) => r.year === q.year && (!ids || ids.includes(r.platformId)))
          .flatMap((r) =>
            r.overrides
              .filter((o) => def.figures.includes(o.figure))
              .map((o) => ({ ...o, platformId: r.platformId })),
          );
        return { kind: 'reported', reported };
      }
      const filter: repo.DrillFilter = {
        year: q.year,
        platformIds: ids,
        sort: 'output',
        page: q.page ?? 1,
        pageSize: Math.min(q.pageSize ?? 20, 200),
        industry: q.industry,
      };
      switch (q.metric) {
        case 'leading_share':
          filter.leading = true;
          break;
        case 'above_scale_firms':
        case 'above_scale_growth':
          filter.above = true;
          break;
        case 'tax_per_mu':
          filter.above = true;
          filter.sort = 'taxPerMu';
          break;
        case 'rd_intensity':
          filter.above = true;
          filter.sort = 'rdSpending';
          break;
        case 'high_tech_firms':
          filter.label = 'high_tech';
          break;
        case 'tech_smes':
          filter.label = 'tech_sme';
          break;
        case 'chain_leaders':
          filter.label = 'chain_leader';
          break;
        case 'chain_leader_candidates':
          filter.minOutput = CHAIN_LEADER_OUTPUT;
          break;
        case 'investment_intensity':
        case 'fai_growth':
          filter.sort = 'fixedAssetInvestment';
          break;
        case 'energy_per_value_added':
        case 'energy_intensity_decline':
          filter.sort = 'energyTce';
          break;
        default:
          break;
      }
      const overrides = [...s.rows.values()]
        .filter((r) => r.year === q.year && (!ids || ids.includes(r.platformId)))
        .flatMap((r) =>
          r.overrides
            .filter((o) => def.figures.includes(o.figure))
            .map((o) => ({ ...o, platformId: r.platformId })),
        );
      return { kind: 'enterprises', ...(await repo.drillEnterprises(db, filter)), overrides };
    },
  };
}
export type MetricsService = ReturnType<typeof createMetricsService>;
