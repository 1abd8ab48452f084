import { existsSync } from 'node:fs';

/** Chromium on the machine, in the order we look for it; Debian's package installs the first. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * The browser the end-to-end tests drive: CHROME_PATH when set, else a Chromium installed on the
 * machine, else undefined, which makes Playwright use its own download (`npx playwright install
 * chromium` on a developer's machine without one).
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['CHROME_PATH']) return env['CHROME_PATH'];
  return SYSTEM_CHROMIUM_PATHS.find((p) => existsSync(p));
}

/** Flags for a headless Chromium in a container or CI: no sandbox (root), no GPU, no phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
