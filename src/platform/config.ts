import path from 'node:path';

/** Every setting of Yiyuan, read once from the environment (and CLI flags) and validated. */
export interface Config {
  /** Directory holding the embedded PostgreSQL cluster and runtime files. */
  dataDir: string;
  /** When set, use this PostgreSQL instead of the embedded one (as the schema owner). */
  databaseUrl: string | null;
  /** Optional separate login for the application's connections (they act as `yiyuan_app`). */
  appDatabaseUrl: string | null;
  /** Audit rows are kept at least this many days (≥ 180, Cybersecurity Law §21). */
  auditRetentionDays: number;
  host: string;
  port: number;
  /** Seed demo platforms and one demo user per role at start. */
  demo: boolean;
  /** Enterprises of the generated demo city loaded with `demo` (0 = none). */
  demoScale: number;
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Fail any reply that has fields its route's response schema lacks (tests, journeys). */
  strictResponses: boolean;
  security: SecurityConfig;
}

export interface SecurityConfig {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts per minute per client address. */
  loginRateLimit: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置无效:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Documented in README "Configuration": keep both lists in step. */
export const ENVIRONMENT_VARIABLES = [
  'PORT',
  'HOST',
  'YIYUAN_DATA_DIR',
  'DATABASE_URL',
  'YIYUAN_APP_DATABASE_URL',
  'YIYUAN_AUDIT_RETENTION_DAYS',
  'YIYUAN_DEMO',
  'YIYUAN_DEMO_SCALE',
  'LOG_LEVEL',
  'YIYUAN_COOKIE_SECURE',
  'YIYUAN_TRUST_PROXY',
  'YIYUAN_STRICT_RESPONSES',
  'YIYUAN_SESSION_IDLE_MINUTES',
  'YIYUAN_SESSION_ABSOLUTE_HOURS',
  'YIYUAN_PASSWORD_MIN_LENGTH',
  'YIYUAN_PASSWORD_MIN_CLASSES',
  'YIYUAN_PASSWORD_MAX_AGE_DAYS',
  'YIYUAN_LOCKOUT_THRESHOLD',
  'YIYUAN_LOCKOUT_MINUTES',
  'YIYUAN_LOGIN_RATE_LIMIT',
] as const;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(
        `${name}=${raw}: expected an integer between ${min} and ${max} / 应为 ${min}–${max} 的整数`,
      );
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}=${env[name]}: expected true or false / 应为 true 或 false`);
    return fallback;
  };
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected postgres://user@host:port/database / 应为 postgres:// 连接串');
  }
  const appDatabaseUrl = env.YIYUAN_APP_DATABASE_URL?.trim() || null;
  if (appDatabaseUrl && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    problems.push(
      'YIYUAN_APP_DATABASE_URL: expected postgres://user@host:port/database / 应为 postgres:// 连接串',
    );
  }
  if (appDatabaseUrl && !databaseUrl) {
    problems.push('YIYUAN_APP_DATABASE_URL needs DATABASE_URL / 需同时设置 DATABASE_URL');
  }
  const config: Config = {
    dataDir: path.resolve(env.YIYUAN_DATA_DIR || 'data'),
    databaseUrl,
    appDatabaseUrl,
    // 网络安全法 §21: network logs are kept for at least six months.
    auditRetentionDays: int('YIYUAN_AUDIT_RETENTION_DAYS', 365, 180, 36_500),
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    demo: bool('YIYUAN_DEMO', false),
    demoScale: int('YIYUAN_DEMO_SCALE', 3000, 0, 1_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: bool('YIYUAN_COOKIE_SECURE', false),
    trustProxy: bool('YIYUAN_TRUST_PROXY', false),
    strictResponses: bool('YIYUAN_STRICT_RESPONSES', false),
    security: {
      sessionIdleMinutes: int('YIYUAN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionAbsoluteHours: int('YIYUAN_SESSION_ABSOLUTE_HOURS', 8, 1, 72),
      passwordMinLength: int('YIYUAN_PASSWORD_MIN_LENGTH', 8, 8, 64),
      passwordMinClasses: int('YIYUAN_PASSWORD_MIN_CLASSES', 3, 1, 4),
      passwordMaxAgeDays: int('YIYUAN_PASSWORD_MAX_AGE_DAYS', 90, 0, 3650),
      lockoutThreshold: int('YIYUAN_LOCKOUT_THRESHOLD', 5, 1, 100),
      lockoutMinutes: int('YIYUAN_LOCKOUT_MINUTES', 15, 10, 24 * 60),
      loginRateLimit: int('YIYUAN_LOGIN_RATE_LIMIT', 20, 1, 10000),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return { ...config, ...overrides, security: { ...config.security, ...overrides.security } };
}

export const APP_VERSION = '0.1.0';
