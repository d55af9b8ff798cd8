import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, NODE_ENV: 'development', SONGNODES_DEMO: true });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads and converts values, treating empty as unset', () => {
    const c = loadConfig({ PORT: '9000', SONGNODES_DEMO: 'false', DATABASE_URL: '', LOG_LEVEL: 'debug' });
    expect(c).toMatchObject({ PORT: 9000, SONGNODES_DEMO: false, LOG_LEVEL: 'debug' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty": must be a whole number/],
    ['PORT', '70000', /PORT="70000"/],
    [
      'DATABASE_URL',
      'mysql://x',
      /DATABASE_URL="mysql:\/\/x": must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
    ['SONGNODES_DEMO', 'maybe', /SONGNODES_DEMO="maybe"/],
  ])('stops on a wrong %s, naming it and what is allowed', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2);
    }
  });
});
