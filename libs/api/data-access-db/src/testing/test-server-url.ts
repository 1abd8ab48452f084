/** The PostgreSQL server the jest global setup chose for this run. */
export function testServerUrl(): string {
  const url = process.env['TEST_PG_SERVER_URL'];
  if (!url)
    throw new Error('TEST_PG_SERVER_URL is not set: run tests through the jest config with globalSetup.');
  return url;
}

/** Where the API tests' global setup names its template databases to the workers. */
export const TEST_TEMPLATE_ENV = {
  migrated: 'TEST_PG_TEMPLATE_MIGRATED',
  seeded: 'TEST_PG_TEMPLATE_SEEDED',
} as const;

/**
 * The template database made for this run by the API tests' global setup
 * (global-setup-with-templates.ts): `migrated`, or `seeded` (migrated, and seeded with the demo
 * organisation). Undefined under a jest config without templates: then a test migrates (and seeds)
 * its database itself.
 */
export function testTemplateDatabase(kind: keyof typeof TEST_TEMPLATE_ENV): string | undefined {
  return process.env[TEST_TEMPLATE_ENV[kind]] || undefined;
}
