/**
 * The demo city's reported statistics (core/demo-stats.ts), entered through the reported-statistics
 * service like any platform's report (validation, audit rows), so the cockpit's targets T6–T8 and
 * T12 have data. Only when nothing has been reported yet: a restart, or a figure someone entered,
 * changes nothing.
 */
import type { PlatformService } from '../platforms/platforms.service';
import type { createReportedStatsService } from '../metrics/reported-stats.service';
import { DEMO_EVALUATION_ACTOR } from './demo-evaluations';
import { DEMO_STAT_YEARS, demoStats } from './core/demo-stats';

const NOTE = '演示数据 / demo data';

/** Enters the demo platforms' reported figures; returns how many platform-years were entered. */
export async function seedDemoStats(services: {
  platforms: PlatformService;
  reportedStats: ReturnType<typeof createReportedStatsService>;
}): Promise<number> {
  const actor = DEMO_EVALUATION_ACTOR;
  for (const year of DEMO_STAT_YEARS)
    if ((await services.reportedStats.list(actor, { year })).length > 0) return 0;
  const { items } = await services.platforms.list(actor, {
    page: 1,
    pageSize: 100,
    sort: 'name',
    order: 'asc',
  });
  const platforms = items.filter((p) => p.isDemo && !p.archivedAt).sort((a, b) => a.id - b.id);
  if (!platforms.length) return 0;
  const stats = demoStats(platforms.map((p) => p.industrialLandMu ?? 0));
  let entered = 0;
  for (const [i, platform] of platforms.entries())
    for (const year of DEMO_STAT_YEARS) {
      const rows = stats.filter((s) => s.platform === i && s.year === year);
      await services.reportedStats.batch(actor, {
        platformId: platform.id,
        year,
        items: rows.map((s) => ({ figure: s.figure, value: s.value, note: NOTE })),
      });
      entered++;
    }
  return entered;
}
