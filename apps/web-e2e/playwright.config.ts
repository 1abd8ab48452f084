import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumOrExit } from './src/support/browser';

const root = join(__dirname, '../..');

/**
 * A free port for this run, chosen once: the config is also loaded by the worker processes, which
 * inherit the environment and so agree on it.
 */
function freePort(): string {
  return execFileSync(
    process.execPath,
    // process.stdout.write, not console.log: with FORCE_COLOR set (Nx sets it) numbers come coloured.
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: 'utf8' },
  ).trim();
}
process.env['E2E_PORT'] ??= freePort();
/** The mail catcher's inbox (web UI and JSON at /api/messages), where the platform's mail lands. */
process.env['E2E_MAIL_PORT'] ??= freePort();
/** Where the platform tells specs its database and mail catcher (for a second API process of their own). */
process.env['E2E_STATE_FILE'] ??= join(root, 'dist/.playwright', `platform-${process.env['E2E_PORT']}.json`);
const baseURL = `http://127.0.0.1:${process.env['E2E_PORT']}`;
/**
 * CHROME_PATH, else a Chromium or Chrome on the machine, else Playwright's Chromium (downloaded here
 * when missing); where none can be had, one line saying how to get one (support/browser.ts).
 */
const executablePath = chromiumOrExit();

export default defineConfig({
  testDir: './src',
  outputDir: join(root, 'dist/.playwright/web-e2e'),
  // One platform, one database: the course tests build on each other, so they run in order.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    // The built API (dist/apps/api) serving the built web app (dist/apps/web) on a fresh database.
    command: 'node -r @swc-node/register apps/web-e2e/src/support/start-test-platform.ts',
    cwd: root,
    env: {
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      E2E_PORT: process.env['E2E_PORT'],
      E2E_MAIL_PORT: process.env['E2E_MAIL_PORT'],
      E2E_STATE_FILE: process.env['E2E_STATE_FILE'],
    },
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
