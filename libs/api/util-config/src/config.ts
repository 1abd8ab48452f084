import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the API reads from the environment, validated once at boot.
 * Secrets are marked so they are never logged.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** secret: a PostgreSQL URL. When absent, an embedded PostgreSQL is started with the app. */
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Seed the demo organisation at boot (idempotent); the sign-in page then offers the demo accounts. */
  SEED_DEMO: bool.default('false'),
  /** With SEED_DEMO: also seed the course as it stands in late November. The end-to-end tests turn it off. */
  SEED_DEMO_ACTIVITY: bool.default('true'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Cookies only over HTTPS; on by default in production. */
  COOKIE_SECURE: bool.optional(),
  /** Comma-separated origins allowed to call the API from a browser with credentials. */
  WEB_ORIGINS: z.string().default('http://localhost:4200'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  /** The built web app, served at / when the folder exists (relative to the working directory). */
  WEB_DIST_DIR: z.string().default('dist/apps/web/browser'),
});

export type RawAppConfig = z.infer<typeof schema>;

export interface AppConfig {
  env: RawAppConfig['NODE_ENV'];
  port: number;
  host: string;
  database: { url: string | undefined; embeddedDir: string; embeddedPort: number };
  seedDemo: boolean;
  seedDemoActivity: boolean;
  session: { ttlHours: number; cookieName: string; cookieSecure: boolean };
  webOrigins: string[];
  logLevel: RawAppConfig['LOG_LEVEL'];
  maxBodyBytes: number;
  webDistDir: string;
}

export const SECRET_KEYS: ReadonlyArray<keyof RawAppConfig> = ['DATABASE_URL'];

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
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    database: { url: c.DATABASE_URL, embeddedDir: c.EMBEDDED_PG_DIR, embeddedPort: c.EMBEDDED_PG_PORT },
    seedDemo: c.SEED_DEMO,
    seedDemoActivity: c.SEED_DEMO_ACTIVITY,
    session: {
      ttlHours: c.SESSION_TTL_HOURS,
      cookieName: 'stl_session',
      cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    },
    webOrigins: c.WEB_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: c.LOG_LEVEL,
    maxBodyBytes: c.MAX_BODY_BYTES,
    webDistDir: c.WEB_DIST_DIR,
  };
}

/** Token under which the validated config is provided to NestJS. */
export const APP_CONFIG = Symbol('APP_CONFIG');
