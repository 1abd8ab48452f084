import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A whole-number limit from the environment, between min and max. */
const limit = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every setting the API reads from the environment, validated once at boot.
 * Secrets are marked so they are never logged.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** secret: a PostgreSQL URL. When absent, an embedded PostgreSQL is started with the app. */
  DATABASE_URL: z.url().optional(),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  /**
   * Migrate (and seed, with SEED_DEMO) at start under the advisory lock (ADR 0009). `false`: only
   * check that no migration is pending and refuse to start otherwise; for processes that reach
   * PostgreSQL through PgBouncer in transaction mode, which cannot hold that session-level lock,
   * while `node dist/main.js migrate` runs with a direct connection (ADR 0037).
   */
  MIGRATE_ON_START: bool.default(true),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Seed the demo organisation at boot (idempotent); the sign-in page then offers the demo accounts. */
  SEED_DEMO: bool.default(false),
  /** With SEED_DEMO: also seed the course as it stands in late November. The end-to-end tests turn it off. */
  SEED_DEMO_ACTIVITY: bool.default(true),
  /**
   * Absolute lifetime of a session, in hours from sign-in: activity never extends it (ADR 0004,
   * amendment 2026-12). Default 8, a working day.
   */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(8),
  /**
   * A session unused for this many minutes ends and cannot be revived; each request extends the
   * window (to the minute), never past SESSION_TTL_HOURS. Default 60.
   */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For), for the
   * per-address limits on sign-in and account mails: "off" (default: the socket's peer is the
   * client), a number of proxy hops in front of the API (e.g. 1 behind one load balancer), or a
   * comma-separated list of proxy addresses or subnets (e.g. "10.0.0.0/8, loopback"). Express's
   * `trust proxy` setting.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(validTrustProxy, 'must be "off", a number of hops (1–10), or a list of addresses/subnets')
    .default('off'),
  /** How long an invitation link works, in hours (ADR 0013). Default 168, a week. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
  /** How long a password-reset link works, in minutes. Default 30. */
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** How long a one-time sign-in link works, in minutes. Default 15. */
  SIGN_IN_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(15),
  /** Cookies only over HTTPS; on by default in production. */
  COOKIE_SECURE: bool.optional(),
  /**
   * Comma-separated origins allowed to call the API from a browser with credentials. Default: the
   * Angular dev server outside production; in production only PUBLIC_WEB_URL's origin (the image
   * serves the web app itself, from the same origin).
   */
  WEB_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  /** Attachments to analyses (ADR 0024): largest file in bytes, and most files per section. */
  ATTACHMENT_MAX_BYTES: limit(1024, 100 * 1024 * 1024, 10 * 1024 * 1024),
  ATTACHMENT_MAX_PER_SECTION: limit(1, 100, 10),
  /**
   * S3-compatible object storage for attachments; unset: their bytes are kept in PostgreSQL.
   * ENDPOINT for a non-AWS service (MinIO, Ceph, a cloud's S3 API); FORCE_PATH_STYLE for most of those.
   */
  ATTACHMENTS_S3_BUCKET: z.string().min(1).optional(),
  ATTACHMENTS_S3_ENDPOINT: z.url().optional(),
  ATTACHMENTS_S3_REGION: z.string().default('us-east-1'),
  /** secret: the key pair; unset, the AWS SDK's own chain (environment, instance role) is used. */
  ATTACHMENTS_S3_ACCESS_KEY_ID: z.string().optional(),
  ATTACHMENTS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  ATTACHMENTS_S3_FORCE_PATH_STYLE: bool.default(false),
  /** The built web app, served at / when the folder exists (relative to the working directory). */
  WEB_DIST_DIR: z.string().default('dist/apps/web/browser'),
  /** Limits on one GraphQL request of a signed-in caller (ADR 0018; the web app's screens stay well under them). */
  GRAPHQL_MAX_DEPTH: limit(2, 100, 12),
  GRAPHQL_MAX_ALIASES: limit(0, 1000, 20),
  GRAPHQL_MAX_DIRECTIVES: limit(0, 1000, 20),
  GRAPHQL_MAX_TOKENS: limit(50, 100_000, 3000),
  GRAPHQL_MAX_COST: limit(10, 10_000_000, 50_000),
  /** The same limits for a caller without a session: tighter, since anyone may send them. */
  GRAPHQL_ANON_MAX_DEPTH: limit(2, 100, 5),
  GRAPHQL_ANON_MAX_ALIASES: limit(0, 1000, 3),
  GRAPHQL_ANON_MAX_DIRECTIVES: limit(0, 1000, 3),
  GRAPHQL_ANON_MAX_TOKENS: limit(50, 100_000, 300),
  GRAPHQL_ANON_MAX_COST: limit(10, 10_000_000, 1000),
  /** Schema introspection; default: on outside production, off in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Only the web app's own operations (registered at build time) are answered; others refused. */
  GRAPHQL_PERSISTED_ONLY: bool.default(false),
  /**
   * Where people open the web app; every link in an e-mail starts here. Default: this API on
   * localhost, which serves the built web app at / (as `npm start` runs it).
   */
  PUBLIC_WEB_URL: z.url().optional(),
  /**
   * secret: signs the one-click unsubscribe links in e-mail (HMAC-SHA256), at least 32 characters.
   * Required in production; elsewhere a fixed development value is used, with a warning.
   */
  MAIL_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * secret: the key that encrypts organisations' single sign-on client secrets in the database
   * (AES-256-GCM), at least 32 characters (e.g. `openssl rand -base64 32`). Required in production
   * before any organisation can turn single sign-on on; elsewhere a fixed development key is used,
   * with a warning. Changing it makes the stored client secrets unreadable: enter them again.
   */
  SSO_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * secret: the bearer token Prometheus sends to scrape `/metrics` (`Authorization: Bearer …`), at
   * least 16 characters (ADR 0037). Unset: `/metrics` is not served at all (404).
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Run the background workers (mail delivery, reminder schedule) in this process. */
  WORKER_ENABLED: bool.default(true),
  /**
   * Serve HTTP (the API and the web app) in this process. Off with WORKER_ENABLED on: a worker-only
   * process, which migrates at start and runs the background work but opens no port.
   */
  HTTP_ENABLED: bool.default(true),
  /** When the reminder tick runs (cron, Stockholm time), or "off" to leave scheduling to other processes. */
  REMINDER_CRON: z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4}\S+)$/, 'must be a five-field cron expression or "off"')
    .default('*/15 * * * *'),
  /** No mail goes out in these hours (Stockholm time, "HH:MM-HH:MM"), or "off". */
  MAIL_QUIET_HOURS: z
    .string()
    .trim()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'must be "HH:MM-HH:MM" or "off"')
    .default('21:00-07:00'),
  /** Delivery attempts after the first one before a message is marked failed. */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(30).default(10),
  /** First retry delay; each further retry waits about twice as long (exponential backoff). */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Processes with workers listen for the NOTIFY a delivery job's insert sends at commit, and fetch
   * at once instead of at their next poll (one more database connection). Off behind PgBouncer in
   * transaction mode, where LISTEN does not hold; the poll then serves alone.
   */
  WORKER_LISTEN: bool.default(true),
  /** How often an idle worker looks for jobs (0.5 s at least). */
  WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Messages one worker fetches and sends at once. */
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * How long the SMTP server may take to answer one command (the end of data included) before the
   * worker gives up on the conversation; also bounds connecting and the greeting (at most 10 s).
   * Delivery jobs expire after the longest transaction this allows, so mail a crashed process had
   * taken is sent by another within that time.
   */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Parallel SMTP connections of one process (also how many mails it has in flight at most). */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Mail a crashed process had taken is sent by another process within this time: its delivery jobs
   * carry a heartbeat, checked every sixth of this time, and are retried after the first retry
   * delay. Must leave at least 10 s for the heartbeat beyond the check interval, twice
   * MAIL_RETRY_DELAY_SECONDS (the first retry waits up to that) and WORKER_POLL_SECONDS.
   */
  MAIL_RECOVERY_SECONDS: z.coerce.number().int().min(15).max(3600).default(90),
  /**
   * On SIGTERM: how long mail already handed to the SMTP server may take to finish before the
   * process exits anyway. Keep it below the orchestrator's grace period (Kubernetes: 30 s).
   */
  MAIL_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(25),
  /** SMTP settings, validated by mailConfigFromEnv (libs/mail/data-access-transport). */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.string().optional(),
  SMTP_SECURE: z.string().optional(),
  SMTP_USER: z.string().optional(),
  /** secret */
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().optional(),
});

export type RawAppConfig = z.infer<typeof schema>;

/** The name of every setting read from the environment (docs/operations.md lists each one). */
export const SETTING_NAMES = Object.keys(schema.shape) as ReadonlyArray<keyof RawAppConfig>;

/** The limits on one GraphQL request, in the units of the counting rules (see util-graphql). */
export interface GraphQLRequestLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validTrustProxy(value: string): boolean {
  if (/^(off|false)$/.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 10;
  return value.split(',').every((entry) => {
    const e = entry.trim();
    if (PROXY_NAMES.has(e)) return true;
    const [ip, bits, ...rest] = e.split('/');
    if (rest.length > 0 || !isIP(ip)) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
  });
}

/** Express's `trust proxy` value: false (believe no proxy), a hop count, or proxy addresses. */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (/^(off|false)$/.test(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((e) => e.trim());
}

export interface AppConfig {
  env: RawAppConfig['NODE_ENV'];
  port: number;
  host: string;
  /** HTTP_ENABLED: false for a worker-only process (listens on no port). */
  httpEnabled: boolean;
  database: { url: string | undefined; embeddedDir: string; embeddedPort: number; migrateOnStart: boolean };
  seedDemo: boolean;
  seedDemoActivity: boolean;
  session: {
    /** Absolute lifetime from sign-in (SESSION_TTL_HOURS). */
    ttlHours: number;
    /** Idle timeout (SESSION_IDLE_MINUTES); never longer than the absolute lifetime. */
    idleMinutes: number;
    cookieName: string;
    cookieSecure: boolean;
  };
  webOrigins: string[];
  /** TRUST_PROXY, for Express's `trust proxy`. */
  trustProxy: TrustProxy;
  /** Lifetimes of mailed single-use links (ADR 0013). */
  accountLinks: { invitationHours: number; passwordResetMinutes: number; signInLinkMinutes: number };
  logLevel: RawAppConfig['LOG_LEVEL'];
  maxBodyBytes: number;
  webDistDir: string;
  graphql: {
    signedIn: GraphQLRequestLimits;
    anonymous: GraphQLRequestLimits;
    introspection: boolean;
    persistedOnly: boolean;
  };
  notification: NotificationConfig;
  sso: SsoConfig;
  attachments: AttachmentsConfig;
  /** Prometheus metrics at /metrics (ADR 0037). */
  metrics: { /** secret: METRICS_TOKEN; null: /metrics is not served. */ token: string | null };
}

/** Attachments to analyses (ADR 0024). */
export interface AttachmentsConfig {
  maxBytes: number;
  maxPerSection: number;
  /** S3-compatible object storage; null: bytes in PostgreSQL. */
  s3: {
    bucket: string;
    endpoint: string | undefined;
    region: string;
    /** secret */
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    forcePathStyle: boolean;
  } | null;
}

/** Single sign-on (ADR 0014). */
export interface SsoConfig {
  /** secret: SSO_SECRET_KEY, or the development key; null in production when unset (SSO unavailable). */
  secretKey: string | null;
  /** True when SSO_SECRET_KEY was not set outside production and the development key is in use. */
  secretKeyIsDevDefault: boolean;
}

/** Used only outside production when SSO_SECRET_KEY is unset: secrets encrypted with it are readable by anyone. */
export const DEV_SSO_SECRET_KEY = 'stl-development-only-sso-secret-key-do-not-use';

/** Stockholm wall-clock minutes since midnight; start > end means the window spans midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

export interface NotificationConfig {
  publicWebUrl: string;
  /** secret */
  linkSecret: string;
  /** True when MAIL_LINK_SECRET was not set and the development value is in use. */
  linkSecretIsDevDefault: boolean;
  workerEnabled: boolean;
  /** null: this process does not run the reminder schedule. */
  reminderCron: string | null;
  /** null: mail may go out at any hour. */
  quietHours: QuietHours | null;
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  /** WORKER_LISTEN: workers wake on the NOTIFY of a new delivery job. */
  listen: boolean;
  batchSize: number;
  /** SMTP_TIMEOUT_SECONDS in milliseconds. */
  smtpTimeoutMs: number;
  smtpMaxConnections: number;
  /** MAIL_SHUTDOWN_GRACE_SECONDS in milliseconds. */
  shutdownGraceMs: number;
  /** MAIL_RECOVERY_SECONDS: the bound on resending mail a crashed process had taken. */
  recoverySeconds: number;
  /** How often a worker process checks for delivery jobs whose worker died (heartbeat, expiry). */
  superviseSeconds: number;
  /** A delivery job whose worker has not signalled for this long is retried by another. */
  heartbeatSeconds: number;
  /** The SMTP_* and MAIL_FROM variables as given, for mailConfigFromEnv. */
  smtpEnv: Record<string, string | undefined>;
}

/** Splits MAIL_RECOVERY_SECONDS into the check interval and the heartbeat (see the variable). */
function recoveryTiming(
  c: RawAppConfig,
): Pick<NotificationConfig, 'recoverySeconds' | 'superviseSeconds' | 'heartbeatSeconds'> {
  const recovery = c.MAIL_RECOVERY_SECONDS;
  const supervise = Math.min(60, Math.max(1, Math.floor(recovery / 6)));
  const heartbeat = Math.floor(recovery - supervise - 2 * c.MAIL_RETRY_DELAY_SECONDS - c.WORKER_POLL_SECONDS);
  if (heartbeat < 10) {
    const least = Math.ceil(10 + supervise + 2 * c.MAIL_RETRY_DELAY_SECONDS + c.WORKER_POLL_SECONDS);
    throw new ConfigError([
      `MAIL_RECOVERY_SECONDS: must be at least ${least} with MAIL_RETRY_DELAY_SECONDS=${c.MAIL_RETRY_DELAY_SECONDS} (10 s heartbeat, the check interval, twice the first retry delay and the poll interval)`,
    ]);
  }
  return { recoverySeconds: recovery, superviseSeconds: supervise, heartbeatSeconds: heartbeat };
}

/** Used only outside production when MAIL_LINK_SECRET is unset: links signed with it are forgeable. */
export const DEV_MAIL_LINK_SECRET = 'stl-development-only-mail-link-secret-do-not-use';

export const SECRET_KEYS: ReadonlyArray<keyof RawAppConfig> = [
  'DATABASE_URL',
  'MAIL_LINK_SECRET',
  'METRICS_TOKEN',
  'SMTP_PASS',
  'SSO_SECRET_KEY',
];

function parseQuietHours(value: string): QuietHours | null {
  if (value === 'off') return null;
  const [start, end] = value.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { startMinute: start, endMinute: end };
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.MAIL_LINK_SECRET) {
    throw new ConfigError(['MAIL_LINK_SECRET: is required in production (at least 32 characters)']);
  }
  if (c.SESSION_IDLE_MINUTES > c.SESSION_TTL_HOURS * 60) {
    throw new ConfigError([
      'SESSION_IDLE_MINUTES: must not be longer than the absolute lifetime SESSION_TTL_HOURS',
    ]);
  }
  if (!c.HTTP_ENABLED && !c.WORKER_ENABLED) {
    throw new ConfigError([
      'HTTP_ENABLED: a process with both HTTP_ENABLED and WORKER_ENABLED off would do nothing',
    ]);
  }
  if (c.MAIL_QUIET_HOURS !== 'off') {
    const q = parseQuietHours(c.MAIL_QUIET_HOURS);
    if (q && q.startMinute === q.endMinute) {
      throw new ConfigError(['MAIL_QUIET_HOURS: start and end must differ (or use "off")']);
    }
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    httpEnabled: c.HTTP_ENABLED,
    database: {
      url: c.DATABASE_URL,
      embeddedDir: c.EMBEDDED_PG_DIR,
      embeddedPort: c.EMBEDDED_PG_PORT,
      migrateOnStart: c.MIGRATE_ON_START,
    },
    seedDemo: c.SEED_DEMO,
    seedDemoActivity: c.SEED_DEMO_ACTIVITY,
    session: {
      ttlHours: c.SESSION_TTL_HOURS,
      idleMinutes: c.SESSION_IDLE_MINUTES,
      cookieName: 'stl_session',
      cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    },
    webOrigins: (
      c.WEB_ORIGINS ??
      (c.NODE_ENV !== 'production'
        ? 'http://localhost:4200'
        : c.PUBLIC_WEB_URL
          ? new URL(c.PUBLIC_WEB_URL).origin
          : '')
    )
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    accountLinks: {
      invitationHours: c.INVITATION_TTL_HOURS,
      passwordResetMinutes: c.PASSWORD_RESET_TTL_MINUTES,
      signInLinkMinutes: c.SIGN_IN_LINK_TTL_MINUTES,
    },
    logLevel: c.LOG_LEVEL,
    maxBodyBytes: c.MAX_BODY_BYTES,
    webDistDir: c.WEB_DIST_DIR,
    attachments: {
      maxBytes: c.ATTACHMENT_MAX_BYTES,
      maxPerSection: c.ATTACHMENT_MAX_PER_SECTION,
      s3: c.ATTACHMENTS_S3_BUCKET
        ? {
            bucket: c.ATTACHMENTS_S3_BUCKET,
            endpoint: c.ATTACHMENTS_S3_ENDPOINT,
            region: c.ATTACHMENTS_S3_REGION,
            credentials:
              c.ATTACHMENTS_S3_ACCESS_KEY_ID && c.ATTACHMENTS_S3_SECRET_ACCESS_KEY
                ? {
                    accessKeyId: c.ATTACHMENTS_S3_ACCESS_KEY_ID,
                    secretAccessKey: c.ATTACHMENTS_S3_SECRET_ACCESS_KEY,
                  }
                : undefined,
            forcePathStyle: c.ATTACHMENTS_S3_FORCE_PATH_STYLE,
          }
        : null,
    },
    graphql: {
      signedIn: {
        depth: c.GRAPHQL_MAX_DEPTH,
        aliases: c.GRAPHQL_MAX_ALIASES,
        directives: c.GRAPHQL_MAX_DIRECTIVES,
        tokens: c.GRAPHQL_MAX_TOKENS,
        cost: c.GRAPHQL_MAX_COST,
      },
      anonymous: {
        depth: c.GRAPHQL_ANON_MAX_DEPTH,
        aliases: c.GRAPHQL_ANON_MAX_ALIASES,
        directives: c.GRAPHQL_ANON_MAX_DIRECTIVES,
        tokens: c.GRAPHQL_ANON_MAX_TOKENS,
        cost: c.GRAPHQL_ANON_MAX_COST,
      },
      introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production',
      persistedOnly: c.GRAPHQL_PERSISTED_ONLY,
    },
    notification: {
      publicWebUrl: (c.PUBLIC_WEB_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
      linkSecret: c.MAIL_LINK_SECRET ?? DEV_MAIL_LINK_SECRET,
      linkSecretIsDevDefault: !c.MAIL_LINK_SECRET,
      workerEnabled: c.WORKER_ENABLED,
      reminderCron: c.REMINDER_CRON === 'off' ? null : c.REMINDER_CRON,
      quietHours: parseQuietHours(c.MAIL_QUIET_HOURS),
      retryLimit: c.MAIL_RETRY_LIMIT,
      retryDelaySeconds: c.MAIL_RETRY_DELAY_SECONDS,
      pollSeconds: c.WORKER_POLL_SECONDS,
      listen: c.WORKER_LISTEN,
      batchSize: c.MAIL_BATCH_SIZE,
      smtpTimeoutMs: c.SMTP_TIMEOUT_SECONDS * 1000,
      smtpMaxConnections: c.SMTP_MAX_CONNECTIONS,
      shutdownGraceMs: c.MAIL_SHUTDOWN_GRACE_SECONDS * 1000,
      ...recoveryTiming(c),
      smtpEnv: {
        SMTP_HOST: c.SMTP_HOST,
        SMTP_PORT: c.SMTP_PORT,
        SMTP_SECURE: c.SMTP_SECURE,
        SMTP_USER: c.SMTP_USER,
        SMTP_PASS: c.SMTP_PASS,
        MAIL_FROM: c.MAIL_FROM,
      },
    },
    metrics: { token: c.METRICS_TOKEN ?? null },
    sso: {
      secretKey: c.SSO_SECRET_KEY ?? (c.NODE_ENV === 'production' ? null : DEV_SSO_SECRET_KEY),
      secretKeyIsDevDefault: !c.SSO_SECRET_KEY && c.NODE_ENV !== 'production',
    },
  };
}

/** Token under which the validated config is provided to NestJS. */
export const APP_CONFIG = Symbol('APP_CONFIG');
