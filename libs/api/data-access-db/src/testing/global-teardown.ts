import { dropDatabase } from '../postgres-server';
import { testServerUrl } from './test-server-url';

export default async function globalTeardown(): Promise<void> {
  // The API tests' template databases (global-setup-with-templates.ts), before their server stops.
  for (const name of globalThis.__STL_TEST_TEMPLATES__ ?? []) await dropDatabase(testServerUrl(), name);
  await globalThis.__STL_TEST_PG__?.stop();
}
