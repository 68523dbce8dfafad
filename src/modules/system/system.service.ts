import path from 'node:path';
import { APP_VERSION } from '../../platform/config';
import { backupDatabase, restoreDatabase, type BackupSummary } from '../../platform/db/backup';
import type { Database } from '../../platform/db/client';
import { forbidden } from '../../platform/errors';
import { recordAudit, type AuditSubject } from '../audit/audit.service';
import { can, type Actor } from '../auth/core/access';
import { hasAccounts, migrationCount, ping, rowCounts, serverVersion } from './system.repository';
import type { Health, SystemInfo } from './system.schemas';

export function createSystemService(database: Database) {
  const { db } = database;
  return {
    async health(): Promise<Health> {
      try {
        await ping(db);
        return { status: 'ok', database: 'up', version: APP_VERSION };
      } catch {
        return { status: 'degraded', database: 'down', version: APP_VERSION };
      }
    },

    async status(actor: Actor): Promise<SystemInfo> {
      if (!can(actor, 'system:read')) forbidden('system:read');
      return {
        version: APP_VERSION,
        database: { mode: database.mode, serverVersion: await serverVersion(db) },
        migrations: await migrationCount(db),
        counts: await rowCounts(db),
      };
    },

    // Operator commands (`yiyuan db …`): whoever runs them holds the database itself, so no role
    // is checked; the audit trail names `operator`.

    /** Whether the database holds accounts (a database in use always does). */
    async hasAccounts(): Promise<boolean> {
      return hasAccounts(db);
    },

    /** Writes a consistent backup of the whole database to `file` (an absolute path), and records it. */
    async backup(operator: AuditSubject, file: string): Promise<BackupSummary> {
      const summary = await backupDatabase(database.pool, file);
      await recordAudit(db, operator, {
        action: 'db.backup',
        result: 'success',
        detail: { file: path.basename(file) },
      });
      return summary;
    },

    /** Replaces the whole database with the backup in `file`, and records it in the restored trail. */
    async restore(operator: AuditSubject, file: string): Promise<BackupSummary> {
      // Only the schema owner may replace the audit trail (the application role cannot).
      const summary = await restoreDatabase(database.owner.pool, file);
      await recordAudit(db, operator, {
        action: 'db.restore',
        result: 'success',
        detail: { file: path.basename(file) },
      });
      return summary;
    },
  };
}
export type SystemService = ReturnType<typeof createSystemService>;
