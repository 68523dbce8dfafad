/**
 * Evaluation methods (domain guide §5): versioned JSON documents — list, read, save as the next
 * version, import and export — and the presets, installed as version 1 on first use.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../platform/db/client';
import { AppError, fail, forbidden } from '../../../platform/errors';
import { recordAudit, subjectOf } from '../../audit/audit.service';
import { can, type Actor, type Permission } from '../../auth/core/access';
import { INDICATORS } from '../core/indicators';
import { MethodSchema, validateMethod, weightSums, type Method } from '../core/method';
import { PRESETS } from '../core/presets';
import { canonicalJson, METHOD_KEY_PATTERN, methodExport, methodImport } from './core/document';
import * as repo from './methods.repository';
import type {
  CreateMethodBody,
  IndicatorInfo,
  MethodDetail,
  MethodExport,
  MethodSummary,
  MethodVersion,
} from './methods.schemas';

const hashOf = (definition: unknown) => createHash('sha256').update(canonicalJson(definition)).digest('hex');

const requirePermission = (actor: Actor, permission: Permission) => {
  if (!can(actor, permission)) forbidden(permission);
};

/** Every problem with a key and a document, as one METHOD_INVALID error (none: returns). */
function checkMethod(key: string, definition: unknown): asserts definition is Method {
  const problems = validateMethod(definition);
  if (!METHOD_KEY_PATTERN.test(key))
    problems.unshift({
      path: '/key',
      zh: '方法编码只能用小写字母、数字、- 和 _',
      en: 'A method key uses lower-case letters, digits, - and _',
    });
  if (problems.length)
    throw new AppError(
      'METHOD_INVALID',
      problems.map((p) => ({ field: p.path, code: 'METHOD_INVALID', zh: p.zh, en: p.en })),
    );
}

/**
 * A version by id, or a key's latest version. Presets are installed at start-up; a write (a new
 * run) may still install a missing one with `install`, a read never does (no writes on GET).
 */
async function methodOrFail(
  database: Database,
  idOrKey: number | string,
  install = false,
): Promise<MethodVersion> {
  const found = await repo.findMethod(database.db, idOrKey);
  if (found) return found;
  if (install && typeof idOrKey === 'string' && PRESETS[idOrKey]) {
    await ensurePresets(database);
    return methodOrFail(database, idOrKey);
  }
  return fail('METHOD_NOT_FOUND');
}

/** Installs every preset whose key is not in the database yet (as version 1). */
async function ensurePresets(database: Database): Promise<number> {
  return database.transaction(async (tx) => {
    await repo.lockPresets(tx);
    const keys = await repo.methodKeys(tx);
    let added = 0;
    for (const [key, definition] of Object.entries(PRESETS)) {
      if (keys.has(key)) continue;
      await repo.insertMethod(tx, {
        key,
        name: definition.name.zh,
        definition,
        hash: hashOf(definition),
        basedOn: null,
        note: 'preset',
        createdBy: null,
      });
      added++;
    }
    return added;
  });
}

async function listMethods(database: Database, actor: Actor): Promise<MethodSummary[]> {
  requirePermission(actor, 'evaluation:read');
  return repo.listMethods(database.db);
}

async function getMethod(database: Database, actor: Actor, idOrKey: number | string): Promise<MethodDetail> {
  requirePermission(actor, 'evaluation:read');
  const m = await methodOrFail(database, idOrKey);
  return { ...m, weightSums: weightSums(m.definition) };
}

/** Saves a method: a new key gets version 1, an existing key its next version. */
async function createMethod(
  database: Database,
  actor: Actor,
  input: CreateMethodBody,
): Promise<MethodDetail> {
  requirePermission(actor, 'method:write');
  const { definition } = input;
  checkMethod(input.key, definition);
  const id = await database.transaction(async (tx) => {
    const id = await repo.insertMethod(tx, {
      key: input.key,
      name: definition.name.zh,
      definition,
      hash: hashOf(definition),
      basedOn: input.basedOn ?? null,
      note: input.note ?? '',
      createdBy: actor.userId,
    });
    await recordAudit(tx, subjectOf(actor), {
      action: 'evaluation.method.create',
      result: 'success',
      objectType: 'evaluation_method',
      objectId: id,
      detail: { key: input.key, basedOn: input.basedOn ?? null },
    });
    return id;
  });
  return getMethod(database, actor, id);
}

export function createMethodsService(database: Database) {
  return {
    ensurePresets: () => ensurePresets(database),
    methodOrFail: (idOrKey: number | string, install = false) => methodOrFail(database, idOrKey, install),
    indicators: (): IndicatorInfo[] => Object.values(INDICATORS),
    presets: (): Record<string, Method> => PRESETS,
    methodSchema: () => MethodSchema,
    listMethods: (actor: Actor) => listMethods(database, actor),
    getMethod: (actor: Actor, idOrKey: number | string) => getMethod(database, actor, idOrKey),
    createMethod: (actor: Actor, input: CreateMethodBody) => createMethod(database, actor, input),

    /** A method version as a file (`yiyuan method export`). */
    exportMethod: async (actor: Actor, idOrKey: number | string): Promise<MethodExport> =>
      methodExport(await getMethod(database, actor, idOrKey)),

    /** Saves a method file (a bare document or an export) as the next version of its key. */
    importMethod: (
      actor: Actor,
      parsed: unknown,
      options: { key?: string; note?: string; fileName: string },
    ) => createMethod(database, actor, { ...methodImport(parsed, options), note: options.note ?? '' }),
  };
}
export type MethodsService = ReturnType<typeof createMethodsService>;
