import type { Config } from './config';
import type { Database } from './db/client';
import { createAuditService } from '../modules/audit/audit.service';
import { createAuthService } from '../modules/auth/auth.service';
import { createChainLeaderService } from '../modules/chain-leaders/chain-leaders.service';
import { createEvaluationService } from '../modules/evaluation/evaluation.service';
import { createEnterpriseService } from '../modules/enterprises/enterprises.service';
import { createImportService } from '../modules/imports/imports.service';
import { createReportedStatsService } from '../modules/metrics/reported-stats.service';
import { createPlatformService } from '../modules/platforms/platforms.service';
import { createReferenceService } from '../modules/reference/reference.service';
import { createSystemService } from '../modules/system/system.service';
import { createUserService } from '../modules/users/users.service';

/** Every use case of the application, wired to one database. Routes and CLI both call these. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  return {
    auth: createAuthService(db, config.security),
    platforms: createPlatformService(db),
    enterprises: createEnterpriseService(db),
    imports: createImportService(database, config.dataDir),
    evaluation: createEvaluationService(database),
    users: createUserService(db),
    audit: createAuditService(db),
    reference: createReferenceService(db),
    system: createSystemService(database),
    chainLeaders: createChainLeaderService(db),
    reportedStats: createReportedStatsService(db),
  };
}
export type Services = ReturnType<typeof createServices>;
