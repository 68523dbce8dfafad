/**
 * Which records an actor may see: every platform, one platform, one enterprise (and, where a
 * record belongs to a platform only, that enterprise's platform), the enterprises currently
 * assigned to a service commissioner (and their platforms), or nothing. Pure: the roles that
 * map to each kind are in `modules/auth/core/access.ts`; `db/scope-sql.ts` is the one place a
 * scope becomes SQL.
 */
export type PlatformScope =
  | { kind: 'all' }
  | { kind: 'platform'; platformId: number }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'commissioner'; userId: number }
  | { kind: 'none' };

/** The platform ids a scope is limited to when they are known without a lookup; null = all. */
export function platformIdsOf(scope: PlatformScope): number[] | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'platform':
      return [scope.platformId];
    default:
      return [];
  }
}
