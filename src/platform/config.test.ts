import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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
