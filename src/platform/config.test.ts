import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, logLevelFor, serverUrl } from './config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.security).toMatchObject({
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 8,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      passwordMaxAgeDays: 90,
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'abc',
        YIYUAN_LOCKOUT_MINUTES: '5',
        DATABASE_URL: 'mysql://x',
        YIYUAN_DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('refuses a lockout shorter than ten minutes (security guide)', () => {
    expect(() => loadConfig({ YIYUAN_LOCKOUT_MINUTES: '9' })).toThrow(ConfigError);
  });
});

describe('a quiet start with one address', () => {
  it('keeps request logs off in demo mode unless LOG_LEVEL asks for them', () => {
    expect(logLevelFor({}, true)).toBe('warn');
    expect(logLevelFor({}, false)).toBe('info');
    expect(logLevelFor({ LOG_LEVEL: 'info' }, true)).toBe('info');
    expect(loadConfig({ YIYUAN_DEMO: 'true' }).logLevel).toBe('warn');
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ YIYUAN_DEMO: 'true', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('names localhost for a loopback or every-interface bind, and the bound host otherwise', () => {
    expect(serverUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(serverUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(serverUrl('::1', 8080)).toBe('http://localhost:8080');
    expect(serverUrl('192.168.1.20', 3000)).toBe('http://192.168.1.20:3000');
    expect(serverUrl('fd00::20', 3000)).toBe('http://[fd00::20]:3000');
  });
});
