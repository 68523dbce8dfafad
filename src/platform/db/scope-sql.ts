/**
 * The one scope rule: how an actor's `PlatformScope` becomes an SQL condition. Every repository
 * that lists or looks up scoped records passes the columns that carry the record's platform and/or
 * enterprise; an out-of-scope record then behaves exactly like a missing one.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PlatformScope } from '../scope';

export interface ScopeColumns {
  /** The column (or expression) holding the record's platform id. */
  platformId?: SQLWrapper;
  /** The column (or expression) holding the record's enterprise id. */
  enterpriseId?: SQLWrapper;
}

/** The enterprises currently assigned to a commissioner, as a subquery. */
const assignedTo = (userId: number): SQL =>
  sql`select ca.enterprise_id from commissioner_assignments ca where ca.commissioner_user_id = ${userId} and ca.ended_on is null`;

/**
 * - `all`: every record; `none`: none.
 * - `platform`: records of that platform (by `platformId`, or through the enterprise's platform).
 * - `enterprise`: records of that enterprise (by `enterpriseId`); for records that belong to a
 *   platform only (e.g. the platform itself), the enterprise's platform.
 * - `commissioner`: records of the enterprises currently assigned to that commissioner; for
 *   records that belong to a platform only, the platforms of those enterprises.
 */
export function scopeSql(scope: PlatformScope, columns: ScopeColumns): SQL {
  const { platformId, enterpriseId } = columns;
  if (!platformId && !enterpriseId) throw new Error('scopeSql needs a platformId or an enterpriseId column');
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'platform':
      return platformId
        ? sql`${platformId} = ${scope.platformId}`
        : sql`${enterpriseId} in (select id from enterprises where platform_id = ${scope.platformId})`;
    case 'enterprise':
      return enterpriseId
        ? sql`${enterpriseId} = ${scope.enterpriseId}`
        : sql`${platformId} = (select platform_id from enterprises where id = ${scope.enterpriseId})`;
    case 'commissioner':
      return enterpriseId
        ? sql`${enterpriseId} in (${assignedTo(scope.userId)})`
        : sql`${platformId} in (select ae.platform_id from enterprises ae where ae.id in (${assignedTo(scope.userId)}))`;
  }
}
