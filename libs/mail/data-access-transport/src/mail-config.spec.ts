import {
  DEFAULT_MAIL_FROM,
  MailConfigError,
  describeMailConfig,
  mailConfigFromEnv,
  parseMailConfig,
} from './mail-config';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof MailConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a MailConfigError');
}

describe('mailConfigFromEnv', () => {
  it('sends to the local catcher when no SMTP server is configured', () => {
    expect(mailConfigFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      from: DEFAULT_MAIL_FROM,
    });
    expect(mailConfigFromEnv({ SMTP_HOST: '' }).host).toBe('127.0.0.1');
  });

  it('lets the catcher port be moved', () => {
    expect(mailConfigFromEnv({ SMTP_PORT: '2525' }).port).toBe(2525);
  });

  it('reads a real SMTP server with login', () => {
    expect(
      mailConfigFromEnv({
        SMTP_HOST: 'smtp.larkby.se',
        SMTP_USER: 'stl',
        SMTP_PASS: 's3cret',
        MAIL_FROM: 'STL Lärkby <stl@larkby.se>',
      }),
    ).toEqual({
      host: 'smtp.larkby.se',
      port: 587,
      secure: false,
      user: 'stl',
      pass: 's3cret',
      from: 'STL Lärkby <stl@larkby.se>',
    });
  });

  it('uses implicit TLS on port 465 and picks 465 for a secure server without a port', () => {
    expect(mailConfigFromEnv({ SMTP_HOST: 'smtp.x.se', SMTP_PORT: '465' }).secure).toBe(true);
    expect(mailConfigFromEnv({ SMTP_HOST: 'smtp.x.se', SMTP_SECURE: 'true' }).port).toBe(465);
    expect(mailConfigFromEnv({ SMTP_HOST: 'smtp.x.se', SMTP_PORT: '465', SMTP_SECURE: 'false' }).secure).toBe(
      false,
    );
  });

  it('names every bad variable', () => {
    const issues = issuesOf(() =>
      mailConfigFromEnv({
        SMTP_HOST: 'smtp.x.se',
        SMTP_PORT: 'abc',
        SMTP_SECURE: 'maybe',
        MAIL_FROM: 'nobody',
      }),
    );
    expect(issues.join('\n')).toMatch(/SMTP_PORT/);
    expect(issues.join('\n')).toMatch(/SMTP_SECURE/);
    expect(issues.join('\n')).toMatch(/MAIL_FROM/);
    expect(issues).toHaveLength(3);
  });

  it('wants a password with a user', () => {
    expect(issuesOf(() => mailConfigFromEnv({ SMTP_HOST: 'smtp.x.se', SMTP_USER: 'stl' }))).toEqual([
      'SMTP_PASS: is required when a user is given',
    ]);
  });

  it('rejects an out-of-range port', () => {
    expect(issuesOf(() => mailConfigFromEnv({ SMTP_PORT: '70000' })).join()).toMatch(/SMTP_PORT/);
  });
});

describe('parseMailConfig', () => {
  it('accepts a valid object and refuses unknown or missing fields', () => {
    const ok = { host: 'h', port: 25, secure: false, from: 'a@b.se' };
    expect(parseMailConfig(ok)).toEqual(ok);
    expect(() => parseMailConfig({ ...ok, port: 0 })).toThrow(MailConfigError);
    expect(() => parseMailConfig({ ...ok, extra: 1 })).toThrow(MailConfigError);
    expect(() => parseMailConfig({ port: 25 })).toThrow(/host/);
  });
});

describe('describeMailConfig', () => {
  it('never shows the password', () => {
    const line = describeMailConfig({
      host: 'smtp.x.se',
      port: 465,
      secure: true,
      user: 'u',
      pass: 'p4ss',
      from: 'a@b.se',
    });
    expect(line).toBe('smtps://smtp.x.se:465 as u, from a@b.se');
    expect(line).not.toContain('p4ss');
  });
});
