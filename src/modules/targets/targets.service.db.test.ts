/** The last plan period cannot be deleted: the cockpit always has a period to assess. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { createMetricsService } from '../metrics/metrics.service';
import { createTargetService } from './targets.service';

const taskforce: Actor = {
  userId: 1,
  username: 'tf',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

describe('plan periods', () => {
  it('keeps the last period, and its targets go with a deleted one', async () => {
    const database = await testDatabase();
    const targets = createTargetService(database, createMetricsService(database));
    expect(await targets.ensurePlan()).toBe(true);
    expect(await targets.ensurePlan()).toBe(false);
    await targets.createPeriod(taskforce, {
      key: '2026-2030',
      nameZh: '下一期',
      nameEn: '',
      startYear: 2026,
      endYear: 2030,
      source: '',
      copyFrom: '2022-2025',
    });
    await targets.deletePeriod(taskforce, '2022-2025');
    const left = await database.pool.query('select count(*)::int as n from plan_targets');
    expect(left.rows[0].n).toBe(15); // the copies of 2026–2030 only
    const error = await targets.deletePeriod(taskforce, '2026-2030').catch((e: unknown) => e);
    expect(error instanceof AppError && error.code).toBe('PERIOD_LAST');
  });
});
