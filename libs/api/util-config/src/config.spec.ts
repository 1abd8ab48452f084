import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigError,
  DEV_MAIL_LINK_SECRET,
  DEV_SSO_SECRET_KEY,
  SECRET_KEYS,
  SETTING_NAMES,
  loadConfig,
} from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.session.cookieSecure).toBe(false);
    expect(c.seedDemo).toBe(false);
  });

  it('secures cookies in production unless told otherwise', () => {
    const prod = { NODE_ENV: 'production', MAIL_LINK_SECRET: 'x'.repeat(32) };
    expect(loadConfig(prod).session.cookieSecure).toBe(true);
    expect(loadConfig({ ...prod, COOKIE_SECURE: 'false' }).session.cookieSecure).toBe(false);
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

  it('ends sessions after an idle timeout and an absolute lifetime, the idle one never longer', () => {
    expect(loadConfig({}).session).toMatchObject({ idleMinutes: 60, ttlHours: 8 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '20', SESSION_TTL_HOURS: '12' }).session).toMatchObject({
      idleMinutes: 20,
      ttlHours: 12,
    });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '2' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: 'soon' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '120', SESSION_TTL_HOURS: '1' })).toThrow(
      /SESSION_IDLE_MINUTES: must not be longer/,
    );
  });

  it('believes no proxy unless TRUST_PROXY says which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback, ::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '0' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('has lifetimes for invitation, reset and sign-in links', () => {
    expect(loadConfig({}).accountLinks).toEqual({
      invitationHours: 168,
      passwordResetMinutes: 30,
      signInLinkMinutes: 15,
    });
    expect(loadConfig({ PASSWORD_RESET_TTL_MINUTES: '60' }).accountLinks.passwordResetMinutes).toBe(60);
    expect(() => loadConfig({ SIGN_IN_LINK_TTL_MINUTES: '1' })).toThrow(/SIGN_IN_LINK_TTL_MINUTES/);
  });

  it('splits web origins', () => {
    expect(loadConfig({ WEB_ORIGINS: 'http://a, http://b' }).webOrigins).toEqual(['http://a', 'http://b']);
  });

  it('allows the dev server only outside production; in production its own public origin', () => {
    expect(loadConfig({}).webOrigins).toEqual(['http://localhost:4200']);
    const prod = { NODE_ENV: 'production', MAIL_LINK_SECRET: 'x'.repeat(32) };
    expect(loadConfig(prod).webOrigins).toEqual([]);
    expect(loadConfig({ ...prod, PUBLIC_WEB_URL: 'https://stl.example.se/' }).webOrigins).toEqual([
      'https://stl.example.se',
    ]);
    expect(loadConfig({ ...prod, WEB_ORIGINS: 'https://a.example' }).webOrigins).toEqual([
      'https://a.example',
    ]);
  });

  describe('single sign-on key', () => {
    it('uses the development key outside production, flagged so the boot warns', () => {
      expect(loadConfig({}).sso).toEqual({ secretKey: DEV_SSO_SECRET_KEY, secretKeyIsDevDefault: true });
    });

    it('has no key in production unless one is set, and keeps it secret', () => {
      const prod = { NODE_ENV: 'production', MAIL_LINK_SECRET: 'x'.repeat(32) };
      expect(loadConfig(prod).sso).toEqual({ secretKey: null, secretKeyIsDevDefault: false });
      const key = 'k'.repeat(44);
      expect(loadConfig({ ...prod, SSO_SECRET_KEY: key }).sso).toEqual({
        secretKey: key,
        secretKeyIsDevDefault: false,
      });
      expect(SECRET_KEYS).toContain('SSO_SECRET_KEY');
      expect(() => loadConfig({ SSO_SECRET_KEY: 'short' })).toThrow(/SSO_SECRET_KEY/);
    });
  });

  it('has every setting documented in docs/operations.md', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/operations.md'), 'utf8');
    const missing = SETTING_NAMES.filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
    expect(SETTING_NAMES.length).toBeGreaterThan(50);
  });

  describe('metrics token', () => {
    it('serves no metrics without a token, takes one of 16+ characters, and keeps it secret', () => {
      expect(loadConfig({}).metrics).toEqual({ token: null });
      expect(loadConfig({ METRICS_TOKEN: 't'.repeat(16) }).metrics).toEqual({ token: 't'.repeat(16) });
      expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
      expect(SECRET_KEYS).toContain('METRICS_TOKEN');
    });
  });

  describe('notification settings', () => {
    it('has working defaults for development', () => {
      const n = loadConfig({}).notification;
      expect(n.publicWebUrl).toBe('http://localhost:3000');
      expect(loadConfig({ PORT: '8080' }).notification.publicWebUrl).toBe('http://localhost:8080');
      expect(n.linkSecret).toBe(DEV_MAIL_LINK_SECRET);
      expect(n.linkSecretIsDevDefault).toBe(true);
      expect(n.workerEnabled).toBe(true);
      expect(n.reminderCron).toBe('*/15 * * * *');
      expect(n.quietHours).toEqual({ startMinute: 21 * 60, endMinute: 7 * 60 });
      expect(n.retryLimit).toBe(10);
      expect(n.retryDelaySeconds).toBe(30);
    });

    it('requires a link secret in production and keeps it secret', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MAIL_LINK_SECRET/);
      const secret = 's'.repeat(40);
      const n = loadConfig({ NODE_ENV: 'production', MAIL_LINK_SECRET: secret }).notification;
      expect(n.linkSecret).toBe(secret);
      expect(n.linkSecretIsDevDefault).toBe(false);
      expect(SECRET_KEYS).toEqual(expect.arrayContaining(['MAIL_LINK_SECRET', 'SMTP_PASS']));
      expect(() => loadConfig({ MAIL_LINK_SECRET: 'short' })).toThrow(/MAIL_LINK_SECRET/);
    });

    it('turns the worker, the schedule and quiet hours off', () => {
      const n = loadConfig({
        WORKER_ENABLED: 'false',
        REMINDER_CRON: 'off',
        MAIL_QUIET_HOURS: 'off',
      }).notification;
      expect(n.workerEnabled).toBe(false);
      expect(n.reminderCron).toBeNull();
      expect(n.quietHours).toBeNull();
    });

    it('runs a worker-only process, but not one that does nothing', () => {
      expect(loadConfig({}).httpEnabled).toBe(true);
      const worker = loadConfig({ HTTP_ENABLED: 'false' });
      expect(worker.httpEnabled).toBe(false);
      expect(worker.notification.workerEnabled).toBe(true);
      expect(() => loadConfig({ HTTP_ENABLED: 'false', WORKER_ENABLED: 'false' })).toThrow(/HTTP_ENABLED/);
    });

    it('refuses malformed schedules, quiet hours and URLs', () => {
      expect(() => loadConfig({ REMINDER_CRON: 'every hour' })).toThrow(/REMINDER_CRON/);
      expect(() => loadConfig({ MAIL_QUIET_HOURS: '9-17' })).toThrow(/MAIL_QUIET_HOURS/);
      expect(() => loadConfig({ MAIL_QUIET_HOURS: '07:00-07:00' })).toThrow(/MAIL_QUIET_HOURS/);
      expect(() => loadConfig({ PUBLIC_WEB_URL: 'stl.example.se' })).toThrow(/PUBLIC_WEB_URL/);
      expect(() => loadConfig({ WORKER_POLL_SECONDS: '0.1' })).toThrow(/WORKER_POLL_SECONDS/);
    });

    it('lets workers listen for new delivery jobs unless WORKER_LISTEN says not to', () => {
      expect(loadConfig({}).notification.listen).toBe(true);
      expect(loadConfig({ WORKER_LISTEN: 'false' }).notification.listen).toBe(false);
      expect(() => loadConfig({ WORKER_LISTEN: 'sometimes' })).toThrow(/WORKER_LISTEN/);
    });

    it('bounds crash recovery: heartbeat and check interval fit MAIL_RECOVERY_SECONDS with the retry delay', () => {
      const n = loadConfig({}).notification;
      expect(n).toMatchObject({ recoverySeconds: 90, superviseSeconds: 15, smtpTimeoutMs: 30_000 });
      expect(n.shutdownGraceMs).toBe(25_000);
      // heartbeat + check interval + twice the first retry delay (jitter) + poll stays within it.
      expect(
        n.heartbeatSeconds + n.superviseSeconds + 2 * n.retryDelaySeconds + n.pollSeconds,
      ).toBeLessThanOrEqual(n.recoverySeconds);
      expect(n.heartbeatSeconds).toBeGreaterThanOrEqual(10);
      const quick = loadConfig({
        MAIL_RECOVERY_SECONDS: '15',
        MAIL_RETRY_DELAY_SECONDS: '1',
        WORKER_POLL_SECONDS: '0.5',
      }).notification;
      expect(quick).toMatchObject({ superviseSeconds: 2, heartbeatSeconds: 10 });
      expect(() => loadConfig({ MAIL_RECOVERY_SECONDS: '60' })).toThrow(
        /MAIL_RECOVERY_SECONDS: must be at least 82/,
      );
    });

    it('passes the SMTP variables through for the mail transport', () => {
      const n = loadConfig({
        SMTP_HOST: 'smtp.larkby.se',
        SMTP_PORT: '2525',
        PUBLIC_WEB_URL: 'https://stl.x.se/',
      }).notification;
      expect(n.smtpEnv).toMatchObject({ SMTP_HOST: 'smtp.larkby.se', SMTP_PORT: '2525' });
      expect(n.publicWebUrl).toBe('https://stl.x.se');
    });
  });
});
