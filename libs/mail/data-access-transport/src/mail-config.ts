import { z } from 'zod';

/** Where mail goes when no SMTP server is configured: the local catcher (`apps/mail-catcher`). */
export const LOCAL_CATCHER = { host: '127.0.0.1', port: 1025 } as const;
export const DEFAULT_MAIL_FROM = 'STL-plattformen <no-reply@stl.localhost>';

/** `Name <user@domain>` or a bare `user@domain`. */
const MAILBOX = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

const configSchema = z
  .object({
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65535),
    /** TLS from the first byte (usually port 465). Otherwise STARTTLS is used when offered. */
    secure: z.boolean(),
    user: z.string().min(1).optional(),
    /** secret */
    pass: z.string().optional(),
    from: z.string().trim().regex(MAILBOX, 'must be an address such as "Name <no-reply@example.se>"'),
  })
  .strict()
  .refine((c) => c.user === undefined || c.pass !== undefined, {
    message: 'is required when a user is given',
    path: ['pass'],
  });

export type SmtpMailConfig = z.infer<typeof configSchema>;

export class MailConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid mail configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'MailConfigError';
  }
}

/** Validates a config object; throws a MailConfigError naming every bad field. */
export function parseMailConfig(input: unknown): SmtpMailConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new MailConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`),
    );
  }
  return parsed.data;
}

const ENV_NAME: Record<keyof SmtpMailConfig, string> = {
  host: 'SMTP_HOST',
  port: 'SMTP_PORT',
  secure: 'SMTP_SECURE',
  user: 'SMTP_USER',
  pass: 'SMTP_PASS',
  from: 'MAIL_FROM',
};

/** Names of the variables that hold secrets, never to be logged. */
export const MAIL_SECRET_KEYS: readonly string[] = ['SMTP_PASS'];

/**
 * Reads SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS and MAIL_FROM. Without SMTP_HOST,
 * mail goes to the local catcher at 127.0.0.1:1025. With SMTP_HOST, the port defaults to 465 when
 * SMTP_SECURE is true and 587 otherwise; SMTP_SECURE defaults to true on port 465.
 * Throws a MailConfigError naming every bad variable.
 */
export function mailConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpMailConfig {
  const get = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };
  const issues: string[] = [];

  const secureRaw = get('SMTP_SECURE')?.toLowerCase();
  let secure: boolean | undefined;
  if (secureRaw !== undefined) {
    if (['true', '1', 'yes'].includes(secureRaw)) secure = true;
    else if (['false', '0', 'no'].includes(secureRaw)) secure = false;
    else issues.push(`SMTP_SECURE: must be true or false, got "${secureRaw}"`);
  }

  const portRaw = get('SMTP_PORT');
  let port: number | undefined;
  if (portRaw !== undefined) {
    port = /^\d+$/.test(portRaw) ? Number(portRaw) : NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      issues.push(`SMTP_PORT: must be a port number (1–65535), got "${portRaw}"`);
    }
  }

  const host = get('SMTP_HOST');
  const candidate = host
    ? {
        host,
        port: port ?? (secure ? 465 : 587),
        secure: secure ?? port === 465,
        user: get('SMTP_USER'),
        pass: env['SMTP_PASS'] || undefined,
        from: get('MAIL_FROM') ?? DEFAULT_MAIL_FROM,
      }
    : {
        host: LOCAL_CATCHER.host,
        port: port ?? LOCAL_CATCHER.port,
        secure: secure ?? false,
        user: get('SMTP_USER'),
        pass: env['SMTP_PASS'] || undefined,
        from: get('MAIL_FROM') ?? DEFAULT_MAIL_FROM,
      };

  const parsed = configSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = i.path[0] as keyof SmtpMailConfig | undefined;
      if (field === 'port' && portRaw !== undefined && issues.some((x) => x.startsWith('SMTP_PORT')))
        continue;
      issues.push(`${field ? ENV_NAME[field] : 'mail'}: ${i.message}`);
    }
  }
  if (issues.length > 0 || !parsed.success) throw new MailConfigError(issues);
  return parsed.data;
}

/** One line for the boot log, without the password. */
export function describeMailConfig(c: SmtpMailConfig): string {
  const auth = c.user ? ` as ${c.user}` : '';
  return `smtp${c.secure ? 's' : ''}://${c.host}:${c.port}${auth}, from ${c.from}`;
}
