import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.session.cookieSecure).toBe(false);
    expect(c.seedDemo).toBe(false);
  });

  it('secures cookies in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).session.cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).session.cookieSecure).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' });
    } catch (e) {
      const issues = (e as ConfigError).issues.join(' ');
      expect(issues).toContain('PORT');
      expect(issues).toContain('DATABASE_URL');
    }
  });

  it('serves the built web app from dist by default, and seeds the demo activity with the demo', () => {
    expect(loadConfig({}).webDistDir).toBe('dist/apps/web/browser');
    expect(loadConfig({ WEB_DIST_DIR: '/srv/web' }).webDistDir).toBe('/srv/web');
    expect(loadConfig({ SEED_DEMO: 'true' }).seedDemoActivity).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'true', SEED_DEMO_ACTIVITY: 'false' }).seedDemoActivity).toBe(false);
  });

  it('splits web origins', () => {
    expect(loadConfig({ WEB_ORIGINS: 'http://a, http://b' }).webOrigins).toEqual(['http://a', 'http://b']);
  });
});
