/** The system API contract: health (public) and status (system administrator). */
import { Type, type Static } from 'typebox';
import { OneOf } from '../../platform/contract';

export const HealthSchema = Type.Object({
  status: OneOf(['ok', 'degraded'] as const),
  database: OneOf(['up', 'down'] as const),
  version: Type.String(),
});
export type Health = Static<typeof HealthSchema>;

export const SystemInfoSchema = Type.Object({
  version: Type.String(),
  database: Type.Object({
    mode: OneOf(['embedded', 'external'] as const),
    serverVersion: Type.String(),
  }),
  /** Schema migrations applied. */
  migrations: Type.Integer(),
  counts: Type.Object({
    users: Type.Integer(),
    platforms: Type.Integer(),
    sessions: Type.Integer(),
    auditRows: Type.Integer(),
  }),
});
export type SystemInfo = Static<typeof SystemInfoSchema>;
