import { mfaRolesOf, type Config } from '../platform/config';
import type { Database } from '../platform/db/client';
import { keyRingOf } from '../platform/crypto/keys';
import { createAuditService } from '../modules/audit/audit.service';
import { createAuthService } from '../modules/auth/auth.service';
import { createCockpitService } from '../modules/cockpit/cockpit.service';
import { createChainLeaderService } from '../modules/chain-leaders/chain-leaders.service';
import { createCalendarService } from '../modules/calendar/calendar.service';
import { createCommissionerService } from '../modules/commissioners/commissioners.service';
import { createVisitService } from '../modules/visits/visits.service';
import { createEvaluationService } from '../modules/evaluation/evaluation.service';
import { createEnterpriseService } from '../modules/enterprises/enterprises.service';
import { createIndustryService } from '../modules/industries/industries.service';
import { createImportService } from '../modules/imports/imports.service';
import { createMetricsService } from '../modules/metrics/metrics.service';
import { createPlatformEvaluationService } from '../modules/platform-evaluation/platform-evaluation.service';
import { createTargetService } from '../modules/targets/targets.service';
import { createReportedStatsService } from '../modules/metrics/reported-stats.service';
import { createPersonalInfoService } from '../modules/personal-info/personal-info.service';
import { createPlatformService } from '../modules/platforms/platforms.service';
import { createReferenceService } from '../modules/reference/reference.service';
import { createSystemService } from '../modules/system/system.service';
import { createUserService } from '../modules/users/users.service';
import { createRequestService } from '../modules/requests/requests.service';
import { createTaskService } from '../modules/tasks/tasks.service';
import { createProjectService } from '../modules/projects/projects.service';
import { createChainMapService } from '../modules/chain-map/chain-map.service';
import { createNotificationService } from '../modules/notifications/notifications.service';

/** Every use case of the application, wired to one database. Routes and CLI both call these. */
export function createServices(database: Database, config: Config) {
  // Read when first needed: commands that never touch personal information run without a key.
  const keys = () => keyRingOf(config).ring;
  const evaluation = createEvaluationService(database);
  const metrics = createMetricsService(database);
  const targets = createTargetService(database, metrics);
  const platformEvaluation = createPlatformEvaluationService(
    database,
    metrics,
    evaluation.methods.methodOrFail,
  );
  const reference = createReferenceService(database);
  const chainLeaders = createChainLeaderService(database);
  return {
    // Demo accounts stay usable however long a demo data directory is kept.
    auth: createAuthService(
      database,
      {
        ...config.security,
        mfaRoles: mfaRolesOf(config),
        dormantDays: config.demo ? 0 : config.security.dormantDays,
      },
      undefined,
      keys,
    ),
    platforms: createPlatformService(database),
    enterprises: createEnterpriseService(database, keys),
    industries: createIndustryService(database),
    imports: createImportService(database, config.dataDir, keys, config.imports),
    evaluation,
    metrics,
    targets,
    platformEvaluation,
    cockpit: createCockpitService(metrics, targets, platformEvaluation),
    users: createUserService(database, { oneTimePasswordHours: config.security.oneTimePasswordHours }),
    audit: createAuditService(database),
    reference,
    system: createSystemService(database),
    chainLeaders,
    chainMap: createChainMapService(database, chainLeaders),
    calendar: createCalendarService(database),
    commissioners: createCommissionerService(database),
    visits: createVisitService(database),
    requests: createRequestService(database),
    tasks: createTaskService(database),
    projects: createProjectService(database, keys),
    notifications: createNotificationService(database, { keys, publicUrl: config.publicUrl ?? null }),
    reportedStats: createReportedStatsService(database),
    personalInfo: createPersonalInfoService(database, keys),
  };
}
export type Services = ReturnType<typeof createServices>;
