/**
 * The cockpit (驾驶舱): one answer for the page — targets, platform ranking, clusters and the
 * platform bubbles — composed from the metrics, targets and platform-evaluation services.
 */
import type { Actor } from '../auth/core/access';
import { CLUSTER_100BN, CLUSTER_1TN, PLATFORM_METRICS, type PlatformMetric } from '../metrics/core/metrics';
import { cockpitScope, type MetricsService } from '../metrics/metrics.service';
import type { PlatformEvaluationService } from '../platform-evaluation/platform-evaluation.service';
import type { TargetService } from '../targets/targets.service';
import type { Cluster, Cockpit, CockpitPlatform, CockpitQuery } from './cockpit.schemas';

const byMetric = <T>(value: (k: PlatformMetric) => T) =>
  Object.fromEntries(PLATFORM_METRICS.map((k) => [k, value(k)])) as Record<PlatformMetric, T>;

export function createCockpitService(
  metrics: MetricsService,
  targets: TargetService,
  platformEvaluation: PlatformEvaluationService,
) {
  return {
    async cockpit(actor: Actor, q: CockpitQuery): Promise<Cockpit> {
      const scope = cockpitScope(actor);
      const s = await metrics.snapshot();
      const assessment = await targets.assess(actor, q, s);
      const year = assessment.year;
      const ids = assessment.platformId !== null ? [assessment.platformId] : scope;
      const evaluation = await platformEvaluation.compute(year, undefined, s).catch(() => null);
      const scores = new Map(evaluation?.platforms.map((p) => [p.platformId, p]) ?? []);
      const platforms = s.platforms
        .filter((p) => !p.archived && (!ids || ids.includes(p.id)))
        .map((p): CockpitPlatform => {
          const v = metrics.platformValues(s, p.id, year);
          const score = scores.get(p.id);
          return {
            id: p.id,
            name: p.name,
            nameEn: p.nameEn,
            isStrategic: p.isStrategic,
            leadingIndustries: p.leadingIndustries,
            land: v.bases.land,
            values: byMetric((k) => v.values[k]),
            sources: byMetric((k) => v.sources[k]),
            score: score?.score ?? null,
            rank: score?.rank ?? null,
            leader: score?.leader ?? false,
          };
        })
        .sort((a, b) => (b.values.platform_output ?? -1) - (a.values.platform_output ?? -1));
      const keyIndustries = s.keyIndustries;
      const clusterYears = s.years.filter((y) => y >= assessment.period.startYear - 1 && y <= year);
      const clusters = keyIndustries
        .map((i): Cluster => ({
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          output: s.industries.get(year)?.[i.code] ?? 0,
          series: clusterYears.map((y) => ({ year: y, output: s.industries.get(y)?.[i.code] ?? 0 })),
        }))
        .sort((a, b) => b.output - a.output);
      const current = metrics.scopeValues(s, year, ids);
      return {
        year,
        years: s.years,
        period: assessment.period,
        platformId: assessment.platformId,
        dataVersion: s.version,
        targets: assessment.cards,
        summary: { ...current.values },
        platforms,
        // Clusters are city-wide (T4/T5): shown for the city cockpit only.
        clusters: assessment.platformId === null ? clusters : [],
        clusterLines: { hundredBillion: CLUSTER_100BN, trillion: CLUSTER_1TN },
        evaluation: evaluation
          ? {
              method: {
                id: evaluation.method.id,
                key: evaluation.method.key,
                version: evaluation.method.version,
                name: { zh: evaluation.method.name.zh, en: evaluation.method.name.en },
              },
              leaders: evaluation.pool.leaders,
            }
          : null,
      };
    },
  };
}
export type CockpitService = ReturnType<typeof createCockpitService>;
