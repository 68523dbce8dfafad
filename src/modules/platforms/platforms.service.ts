import type { Database, Tx } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditAction } from '../audit/audit.service';
import { can, mayEditStrategicFlag, platformScope, type Actor, type Permission } from '../auth/core/access';
import { changedFields, validatePlatform } from './core/platform-rules';
import {
  findPlatform,
  insertPlatform,
  listPlatforms,
  nameTaken,
  referenceCodes,
  setArchived,
  updatePlatformRow,
} from './platforms.repository';
import type {
  Platform,
  PlatformExportQuery,
  PlatformInput,
  PlatformPatch,
  PlatformQuery,
} from './platforms.schemas';

const inputOf = (p: Platform): PlatformInput => ({
  name: p.name,
  nameEn: p.nameEn,
  type: p.type,
  districtCode: p.districtCode,
  areaKm2: p.areaKm2,
  industrialLandMu: p.industrialLandMu,
  leadingIndustries: p.leadingIndustries,
  isStrategic: p.isStrategic,
  longitude: p.longitude,
  latitude: p.latitude,
  description: p.description,
});

/**
 * Inserts a platform inside the caller's transaction, without a permission check or an audit
 * row: for trusted server code that seeds data (the demo seed). Answers the new id.
 */
export async function insertPlatformIn(tx: Tx, input: PlatformInput, options: { isDemo?: boolean } = {}) {
  return insertPlatform(tx, input, options.isDemo);
}

export function createPlatformService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  async function validOrFail(tx: Tx, input: PlatformInput, exceptId?: number) {
    const errors = validatePlatform(input, await referenceCodes(tx));
    if (errors.length) fail('VALIDATION_FAILED', errors);
    if (await nameTaken(tx, input.name, exceptId))
      throw new AppError('DUPLICATE_NAME', [
        { field: 'name', code: 'DUPLICATE_NAME', zh: '已有同名园区', en: 'A platform with this name exists' },
      ]);
  }

  async function getInScope(tx: Tx, actor: Actor, id: number, forUpdate = false): Promise<Platform> {
    const found = await findPlatform(tx, platformScope(actor), id, forUpdate);
    return found ?? fail('PLATFORM_NOT_FOUND');
  }

  /** The audit row of a change, in the change's transaction; answers the platform as stored. */
  async function audited(
    tx: Tx,
    actor: Actor,
    action: AuditAction,
    id: number,
    detail?: Record<string, unknown>,
  ) {
    await recordAudit(tx, subjectOf(actor), {
      action,
      result: 'success',
      objectType: 'platform',
      objectId: id,
      ...(detail ? { detail } : {}),
    });
    return (await findPlatform(tx, { kind: 'all' }, id))!;
  }

  return {
    async list(actor: Actor, query: PlatformQuery) {
      require(actor, 'platform:read');
      return listPlatforms(db, platformScope(actor), query);
    },

    /** The filtered list for a download (all pages), recorded in the audit trail. */
    async export(actor: Actor, query: PlatformExportQuery): Promise<Platform[]> {
      require(actor, 'platform:read');
      const list = await listPlatforms(db, platformScope(actor), {
        ...query,
        page: 1,
        pageSize: 10_000,
        sort: query.sort ?? 'name',
        order: query.order ?? 'asc',
      });
      await recordAudit(db, subjectOf(actor), {
        action: 'platform.export',
        result: 'success',
        objectType: 'platform',
        detail: { filters: query, rows: list.total },
      });
      return list.items;
    },

    async get(actor: Actor, id: number): Promise<Platform> {
      require(actor, 'platform:read');
      return getInScope(db, actor, id);
    },

    async create(actor: Actor, input: PlatformInput, options: { isDemo?: boolean } = {}): Promise<Platform> {
      require(actor, 'platform:create');
      return database.transaction(async (tx) => {
        await validOrFail(tx, input);
        const id = await insertPlatform(tx, input, options.isDemo);
        return audited(tx, actor, 'platform.create', id, { name: input.name });
      });
    },

    async update(actor: Actor, id: number, patch: PlatformPatch): Promise<Platform> {
      require(actor, 'platform:update');
      return database.transaction(async (tx) => {
        const current = await getInScope(tx, actor, id, true);
        if (current.version !== patch.version) fail('VERSION_CONFLICT');
        const { version: _version, ...fields } = patch;
        const next: PlatformInput = { ...inputOf(current), ...fields };
        if (next.isStrategic !== current.isStrategic && !mayEditStrategicFlag(actor)) fail('FORBIDDEN');
        await validOrFail(tx, next, id);
        const changes = changedFields(inputOf(current), next);
        if (Object.keys(changes).length === 0) return current;
        await updatePlatformRow(tx, id, next);
        return audited(tx, actor, 'platform.update', id, { changes });
      });
    },

    async setArchived(actor: Actor, id: number, archived: boolean): Promise<Platform> {
      require(actor, 'platform:archive');
      return database.transaction(async (tx) => {
        const current = await getInScope(tx, actor, id, true);
        if (Boolean(current.archivedAt) === archived) return current;
        await setArchived(tx, id, archived);
        return audited(tx, actor, archived ? 'platform.archive' : 'platform.restore', id);
      });
    },
  };
}
export type PlatformService = ReturnType<typeof createPlatformService>;
