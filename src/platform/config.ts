import path from 'node:path';

/** Every setting of Yiyuan, read once from the environment (and CLI flags) and validated. */
export interface Config {
  /** Directory holding the embedded PostgreSQL cluster and runtime files. */
  dataDir: string;
  /** When set, use this PostgreSQL instead of the embedded one. */
  databaseUrl: string | null;
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
  personalInfo: PersonalInfoConfig;
  imports: ImportConfig;
}

/**
 * Where the keys sealing personal information come from (never the database). Each holds one key
 * or several (comma- or newline-separated): the first seals, all open (rotation).
 */
export interface PersonalInfoConfig {
  /** `YIYUAN_PI_KEY`: the keys themselves, 64 hex digits or base64 of 32 bytes each. */
  keys: string | null;
  /** `YIYUAN_PI_KEY_FILE`: a file holding them, one a line (`#` comments). */
  keyFile: string | null;
}

/** Caps and retention of Excel imports. */
export interface ImportConfig {
  /** Data rows a workbook may have (the header row not counted). */
  maxRows: number;
  /** Filled cells a workbook's sheet may have. */
  maxCells: number;
  /** Hours a validated web upload waits for confirmation before it is deleted. */
  uploadRetentionHours: number;
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
  /** Phone-number reveals per minute per account. */
  revealRateLimit: number;
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
  'YIYUAN_REVEAL_RATE_LIMIT',
  'YIYUAN_PI_KEY',
  'YIYUAN_PI_KEY_FILE',
  'YIYUAN_IMPORT_MAX_ROWS',
  'YIYUAN_IMPORT_MAX_CELLS',
  'YIYUAN_UPLOAD_RETENTION_HOURS',
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
  const piKeys = env.YIYUAN_PI_KEY?.trim() || null;
  const piKeyFile = env.YIYUAN_PI_KEY_FILE?.trim() || null;
  if (piKeys && piKeyFile)
    problems.push(
      'YIYUAN_PI_KEY and YIYUAN_PI_KEY_FILE: set one of them / 个人信息密钥只能由其中一个变量提供',
    );
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected postgres://user@host:port/database / 应为 postgres:// 连接串');
  }
  const config: Config = {
    dataDir: path.resolve(env.YIYUAN_DATA_DIR || 'data'),
    databaseUrl,
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
      revealRateLimit: int('YIYUAN_REVEAL_RATE_LIMIT', 10, 1, 1000),
    },
    personalInfo: { keys: piKeys, keyFile: piKeyFile ? path.resolve(piKeyFile) : null },
    imports: {
      maxRows: int('YIYUAN_IMPORT_MAX_ROWS', 200_000, 1, 2_000_000),
      maxCells: int('YIYUAN_IMPORT_MAX_CELLS', 4_000_000, 1, 40_000_000),
      uploadRetentionHours: int('YIYUAN_UPLOAD_RETENTION_HOURS', 24, 1, 24 * 30),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return {
    ...config,
    ...overrides,
    security: { ...config.security, ...overrides.security },
    personalInfo: { ...config.personalInfo, ...overrides.personalInfo },
    imports: { ...config.imports, ...overrides.imports },
  };
}

export const APP_VERSION = '0.1.0';
