import type { Db } from '../../server/db/client';

/** Reported statistics (统计上报数): platform-year figures entered by hand. */
export function createReportedStatsService(db: Db) {
  void db;
  return {};
}
