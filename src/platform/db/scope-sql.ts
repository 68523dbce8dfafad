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

/**
 * - `all`: every record; `none`: none.
 * - `platform`: records of that platform (by `platformId`, or through the enterprise's platform).
 * - `enterprise`: records of that enterprise (by `enterpriseId`); for records that belong to a
 *   platform only (e.g. the platform itself), the enterprise's platform.
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
  }
}
