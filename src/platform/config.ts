import { isIP } from 'node:net';
import path from 'node:path';
import { ROLES, type Role } from '../modules/auth/core/access';
import { DEFAULT_TIME_ZONE, isTimeZone, setTimeZone } from './time-zone';

/** Every setting of Yiyuan, read once from the environment (and CLI flags) and validated. */
export interface Config {
  /** Directory holding the embedded PostgreSQL cluster and runtime files. */
  dataDir: string;
  /** When set, use this PostgreSQL instead of the embedded one (as the schema owner). */
  databaseUrl: string | null;
  /** Optional separate login for the application's connections (they act as `yiyuan_app`). */
  appDatabaseUrl: string | null;
  /** Audit rows are kept at least this many days (≥ 180, Cybersecurity Law, Art. 21). */
  auditRetentionDays: number;
  host: string;
  port: number;
  /** Seed demo platforms and one demo user per role at start. */
  demo: boolean;
  /** Enterprises of the generated demo city loaded with `demo` (0 = none). */
  demoScale: number;
  logLevel: string;
  /** `YIYUAN_TIME_ZONE`: the zone of dates in file names, exports and decisions (IANA name). */
  timeZone: string;
  /** Always mark the session cookie `Secure` and send HSTS (also done per request over HTTPS). */
  cookieSecure: boolean;
  /**
   * Proxy addresses (IPs or CIDRs) whose X-Forwarded-For / X-Forwarded-Proto are believed; empty =
   * none. `YIYUAN_TRUST_PROXY=true` alone trusts only a proxy on the same host (loopback).
   */
  trustedProxies: string[];
  /** Who may read the OpenAPI document at /api/docs: everyone, logged-in users, or nobody (404). */
  apiDocs: 'public' | 'login' | 'off';
  /** Fail any reply that has fields its route's response schema lacks (tests, journeys). */
  strictResponses: boolean;
  /**
   * `YIYUAN_PUBLIC_URL`: the address users open the application at (https://yiyuan.example.gov.cn),
   * for the links in group-robot messages; none: the messages carry no link.
   */
  publicUrl?: string | null;
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
  /** Hours a one-time password (new account, reset) stays valid. */
  oneTimePasswordHours: number;
  /** Accounts without a login for this many days are disabled; 0 = never. */
  dormantDays: number;
  /**
   * Roles that must use a second factor (TOTP); null = the default: none in demo mode, otherwise
   * the task force and the three administrators. Resolve with `mfaRolesOf(config)`.
   */
  mfaRoles: readonly Role[] | null;
  /** Second-factor attempts per 5 minutes per client address. */
  mfaRateLimit: number;
  /** Uploads per minute per client address on each import route. */
  importRateLimit: number;
  /** Downloads per minute per client address on each export route. */
  exportRateLimit: number;
}

/** Roles that need a second factor outside demo mode unless YIYUAN_MFA_ROLES says otherwise. */
export const DEFAULT_MFA_ROLES: readonly Role[] = [
  'task_force',
  'system_admin',
  'security_admin',
  'audit_admin',
];

/** The roles that must use a second factor under this configuration. */
export function mfaRolesOf(config: Pick<Config, 'demo' | 'security'>): readonly Role[] {
  return config.security.mfaRoles ?? (config.demo ? [] : DEFAULT_MFA_ROLES);
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
  'YIYUAN_TRUSTED_PROXIES',
  'YIYUAN_API_DOCS',
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
  'YIYUAN_ONE_TIME_PASSWORD_HOURS',
  'YIYUAN_DORMANT_DAYS',
  'YIYUAN_MFA_ROLES',
  'YIYUAN_MFA_RATE_LIMIT',
] as const;

type Env = Record<string, string | undefined>;

/**
 * The log level: LOG_LEVEL when set; otherwise `info` (a line per request), except in demo mode,
 * where request logs are off (`warn`: warnings and errors only) so that the URL and the demo
 * logins stay on screen. `LOG_LEVEL=info` turns them on again.
 */
export function logLevelFor(env: Env, demo: boolean): string {
  return env.LOG_LEVEL || (demo ? 'warn' : 'info');
}

/**
 * The one address the server names (start-up banner, logs): `localhost` for a loopback or
 * every-interface bind (it reaches both), otherwise the bound host itself.
 */
export function serverUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::', ''].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

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
  const trustedProxies = (env.YIYUAN_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const entry of trustedProxies) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || rest.length)
      problems.push(
        `YIYUAN_TRUSTED_PROXIES: ${entry}: expected an IP address or CIDR (10.0.0.0/8) / 应为 IP 地址或网段`,
      );
  }
  if (!trustedProxies.length && bool('YIYUAN_TRUST_PROXY', false)) trustedProxies.push('127.0.0.1', '::1');
  const apiDocs = (env.YIYUAN_API_DOCS || 'login').toLowerCase();
  if (!['public', 'login', 'off'].includes(apiDocs))
    problems.push(
      `YIYUAN_API_DOCS=${env.YIYUAN_API_DOCS}: expected public, login or off / 应为 public、login 或 off`,
    );
  const mfaRaw = env.YIYUAN_MFA_ROLES?.trim();
  let mfaRoles: Role[] | null = null;
  if (mfaRaw) {
    const names = mfaRaw.toLowerCase() === 'none' ? [] : mfaRaw.split(',').map((r) => r.trim());
    const unknown = names.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length)
      problems.push(
        `YIYUAN_MFA_ROLES: unknown role ${unknown.join(', ')}; expected none or a list of ${ROLES.join(', ')} / 未知角色`,
      );
    mfaRoles = names.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  }
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
  const timeZone = env.YIYUAN_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone))
    problems.push(
      `YIYUAN_TIME_ZONE=${timeZone}: expected an IANA time zone such as Asia/Shanghai / 应为时区名称，如 Asia/Shanghai`,
    );
  const appDatabaseUrl = env.YIYUAN_APP_DATABASE_URL?.trim() || null;
  if (appDatabaseUrl && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    problems.push(
      'YIYUAN_APP_DATABASE_URL: expected postgres://user@host:port/database / 应为 postgres:// 连接串',
    );
  }
  if (appDatabaseUrl && !databaseUrl) {
    problems.push('YIYUAN_APP_DATABASE_URL needs DATABASE_URL / 需同时设置 DATABASE_URL');
  }
  const demo = bool('YIYUAN_DEMO', false);
  const publicUrl = env.YIYUAN_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl))
    problems.push('YIYUAN_PUBLIC_URL: expected http(s)://host[/path] / 应为 http(s):// 开头的地址');
  const config: Config = {
    dataDir: path.resolve(env.YIYUAN_DATA_DIR || 'data'),
    databaseUrl,
    appDatabaseUrl,
    // 网络安全法第二十一条: network logs are kept for at least six months.
    auditRetentionDays: int('YIYUAN_AUDIT_RETENTION_DAYS', 365, 180, 36_500),
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    demo,
    // The demo city at the plan's scale (see modules/demo/city/generate.ts); 0 = none.
    demoScale: int('YIYUAN_DEMO_SCALE', 25_000, 0, 1_000_000),
    logLevel: logLevelFor(env, demo),
    timeZone,
    cookieSecure: bool('YIYUAN_COOKIE_SECURE', false),
    trustedProxies,
    apiDocs: apiDocs as Config['apiDocs'],
    strictResponses: bool('YIYUAN_STRICT_RESPONSES', false),
    publicUrl,
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
      oneTimePasswordHours: int('YIYUAN_ONE_TIME_PASSWORD_HOURS', 24, 1, 24 * 30),
      dormantDays: int('YIYUAN_DORMANT_DAYS', 90, 0, 3650),
      mfaRoles,
      mfaRateLimit: int('YIYUAN_MFA_RATE_LIMIT', 5, 1, 1000),
      importRateLimit: int('YIYUAN_IMPORT_RATE_LIMIT', 20, 1, 1000),
      exportRateLimit: int('YIYUAN_EXPORT_RATE_LIMIT', 30, 1, 1000),
    },
    personalInfo: { keys: piKeys, keyFile: piKeyFile ? path.resolve(piKeyFile) : null },
    imports: {
      maxRows: int('YIYUAN_IMPORT_MAX_ROWS', 200_000, 1, 2_000_000),
      maxCells: int('YIYUAN_IMPORT_MAX_CELLS', 4_000_000, 1, 40_000_000),
      uploadRetentionHours: int('YIYUAN_UPLOAD_RETENTION_HOURS', 24, 1, 24 * 30),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  setTimeZone(overrides.timeZone ?? config.timeZone);
  return {
    ...config,
    ...overrides,
    security: { ...config.security, ...overrides.security },
    personalInfo: { ...config.personalInfo, ...overrides.personalInfo },
    imports: { ...config.imports, ...overrides.imports },
  };
}

export const APP_VERSION = '0.1.0';
