import type { Db, Tx } from '../../platform/db/client';
import { AppError, fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, mayEditStrategicFlag, platformScope, type Actor } from '../auth/core/access';
import { changedFields, validatePlatform, type PlatformInput } from './core/platform-rules';
import {
  findPlatform,
  insertPlatform,
  listPlatforms,
  nameTaken,
  referenceCodes,
  setArchived,
  updatePlatformRow,
  type Platform,
  type PlatformQuery,
} from './platforms.repository';

export type PlatformPatch = Partial<PlatformInput> & { version: number };

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

export function createPlatformService(db: Db) {
  const require = (actor: Actor, permission: Parameters<typeof can>[1]) => {
    if (!can(actor, permission)) fail('FORBIDDEN');
  };

  async function validOrFail(tx: Db | Tx, input: PlatformInput, exceptId?: number) {
    const errors = validatePlatform(input, await referenceCodes(tx));
    if (errors.length) fail('VALIDATION_FAILED', errors);
    if (await nameTaken(tx, input.name, exceptId))
      throw new AppError('DUPLICATE_NAME', [
        { field: 'name', code: 'DUPLICATE_NAME', zh: '已有同名园区', en: 'A platform with this name exists' },
      ]);
  }

  async function getInScope(tx: Db | Tx, actor: Actor, id: number, forUpdate = false): Promise<Platform> {
    const found = await findPlatform(tx, platformScope(actor), id, forUpdate);
    return found ?? fail('PLATFORM_NOT_FOUND');
  }

  return {
    async list(actor: Actor, query: PlatformQuery) {
      require(actor, 'platform:read');
      return listPlatforms(db, platformScope(actor), query);
    },

    async get(actor: Actor, id: number): Promise<Platform> {
      require(actor, 'platform:read');
      return getInScope(db, actor, id);
    },

    async create(actor: Actor, input: PlatformInput, options: { isDemo?: boolean } = {}): Promise<Platform> {
      require(actor, 'platform:create');
      return db.transaction(async (tx) => {
        await validOrFail(tx, input);
        const id = await insertPlatform(tx, input, options.isDemo);
        await recordAudit(tx, subjectOf(actor), {
          action: 'platform.create',
          result: 'success',
          objectType: 'platform',
          objectId: id,
          detail: { name: input.name },
        });
        return (await findPlatform(tx, { kind: 'all' }, id))!;
      });
    },

    async update(actor: Actor, id: number, patch: PlatformPatch): Promise<Platform> {
      require(actor, 'platform:update');
      return db.transaction(async (tx) => {
        const current = await getInScope(tx, actor, id, true);
        if (current.version !== patch.version) fail('VERSION_CONFLICT');
        const { version: _version, ...fields } = patch;
        const next: PlatformInput = { ...inputOf(current), ...fields };
        if (next.isStrategic !== current.isStrategic && !mayEditStrategicFlag(actor)) fail('FORBIDDEN');
        await validOrFail(tx, next, id);
        const changes = changedFields(inputOf(current), next);
        if (Object.keys(changes).length === 0) return current;
        await updatePlatformRow(tx, id, next);
        await recordAudit(tx, subjectOf(actor), {
          action: 'platform.update',
          result: 'success',
          objectType: 'platform',
          objectId: id,
          detail: { changes },
        });
        return (await findPlatform(tx, { kind: 'all' }, id))!;
      });
    },

    async setArchived(actor: Actor, id: number, archived: boolean): Promise<Platform> {
      require(actor, 'platform:archive');
      return db.transaction(async (tx) => {
        const current = await getInScope(tx, actor, id, true);
        if (Boolean(current.archivedAt) === archived) return current;
        await setArchived(tx, id, archived);
        await recordAudit(tx, subjectOf(actor), {
          action: archived ? 'platform.archive' : 'platform.restore',
          result: 'success',
          objectType: 'platform',
          objectId: id,
        });
        return (await findPlatform(tx, { kind: 'all' }, id))!;
      });
    },
  };
}
export type PlatformService = ReturnType<typeof createPlatformService>;
