import type { Db } from '../../server/db/client';

/** Chain leaders (plan §3.1): candidates from data, confirmation by the task force. */
export function createChainLeaderService(db: Db) {
  void db;
  return {};
}
