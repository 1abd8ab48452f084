/** The PostgreSQL server the jest global setup chose for this run. */
export function testServerUrl(): string {
  const url = process.env['TEST_PG_SERVER_URL'];
  if (!url)
    throw new Error('TEST_PG_SERVER_URL is not set: run tests through the jest config with globalSetup.');
  return url;
}
