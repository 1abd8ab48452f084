import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import globalSetup from './global-setup';
import { testServerUrl, TEST_TEMPLATE_ENV } from './test-server-url';

declare global {
  var __STL_TEST_TEMPLATES__: string[] | undefined;
}

const ROOT = join(__dirname, '../../../../..');

/**
 * Jest global setup of the API tests: the server (global-setup.ts), then two template databases on
 * it for this run, one migrated and one also seeded with the demo organisation, named to the
 * workers in TEST_TEMPLATE_ENV. Each test file then copies one (startTestApi) instead of running
 * the migrations and the seed itself; global-teardown.ts drops them.
 */
export default async function globalSetupWithTemplates(): Promise<void> {
  await globalSetup();
  const serverUrl = testServerUrl();
  // Run as the workspace's scripts are (package.json): jest's global setup cannot resolve the path
  // aliases that the entities and the seed import.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/api/data-access-db/src/testing/make-test-templates.ts', serverUrl],
    { cwd: ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' } },
  );
  const names = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { migrated: string; seeded: string };
  globalThis.__STL_TEST_TEMPLATES__ = [names.seeded, names.migrated];
  process.env[TEST_TEMPLATE_ENV.migrated] = names.migrated;
  process.env[TEST_TEMPLATE_ENV.seeded] = names.seeded;
}
