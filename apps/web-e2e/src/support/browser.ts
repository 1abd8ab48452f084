import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

/**
 * One browser finder for the end-to-end tests and the Lighthouse script (issue 18), so that
 * `npm ci && npm test` holds on a fresh machine:
 *
 * 1. `CHROME_PATH`, when set (it must name a file);
 * 2. a Chromium or Chrome installed on the machine (Debian's `chromium` package, Chrome, macOS apps);
 * 3. Playwright's own Chromium, downloaded by the test run itself when it is missing
 *    (`playwright install --no-shell chromium`, once, into Playwright's cache), unless
 *    `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD` is set;
 * 4. else a `BrowserNotFound` whose message is the one line saying how to get one.
 */

/** Names of a Chromium or Chrome on PATH, in the order we look for them. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where browsers live outside PATH. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'elsewhere: `npx playwright install chromium`) or set CHROME_PATH to a Chrome or Chromium executable.';

export class BrowserNotFound extends Error {
  constructor(detail?: string) {
    super(detail ? `${HOW_TO_GET_ONE} (${detail})` : HOW_TO_GET_ONE);
    this.name = 'BrowserNotFound';
  }
}

export interface FinderDeps {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** Where Playwright's Chromium is (or would be after a download). */
  playwrightChromium(): string;
  /** Downloads Playwright's Chromium; throws when it cannot (no internet, no disk). */
  download(): void;
  log(line: string): void;
}

const machine: FinderDeps = {
  env: process.env,
  exists: existsSync,
  playwrightChromium: () => chromium.executablePath(),
  download: () => {
    execFileSync(
      process.execPath,
      [require.resolve('@playwright/test/cli'), 'install', '--no-shell', 'chromium'],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 },
    );
  },
  log: (line) => process.stderr.write(`${line}\n`),
};

/** A Chromium or Chrome on the machine (PATH first, then the usual places), if any. */
export function systemChromium(deps: Pick<FinderDeps, 'env' | 'exists'> = machine): string | undefined {
  const dirs = (deps.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const candidate = join(dir, command);
      if (deps.exists(candidate)) return candidate;
    }
  }
  return KNOWN_PATHS.find((p) => deps.exists(p));
}

/** The path of the browser to drive, found (or fetched) as described above; throws BrowserNotFound. */
export function findChromium(deps: FinderDeps = machine): string {
  const given = deps.env['CHROME_PATH'];
  if (given) {
    if (deps.exists(given)) return given;
    throw new BrowserNotFound(`CHROME_PATH=${given} does not exist`);
  }
  const onMachine = systemChromium(deps);
  if (onMachine) return onMachine;
  const playwrights = deps.playwrightChromium();
  if (deps.exists(playwrights)) return playwrights;
  if (deps.env['PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD']) {
    throw new BrowserNotFound('PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set, so none was downloaded');
  }
  deps.log("No Chromium on this machine: downloading Playwright's Chromium once (about 170 MB)…");
  try {
    deps.download();
  } catch (err) {
    const reason = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop();
    throw new BrowserNotFound(`the download failed${reason ? `: ${reason}` : ''}`);
  }
  if (deps.exists(playwrights)) return playwrights;
  throw new BrowserNotFound(`the download left nothing at ${playwrights}`);
}

/** For configs and scripts: the browser's path, or the one line saying how to get one and exit 1. */
export function chromiumOrExit(deps: FinderDeps = machine): string {
  try {
    return findChromium(deps);
  } catch (err) {
    if (!(err instanceof BrowserNotFound)) throw err;
    deps.log(err.message);
    process.exit(1);
  }
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
