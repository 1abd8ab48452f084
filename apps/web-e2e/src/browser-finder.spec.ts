import { delimiter } from 'node:path';
import { expect, test } from './support/test';
import { BrowserNotFound, HOW_TO_GET_ONE, findChromium } from './support/browser';
import type { FinderDeps } from './support/browser';

/** A machine made of a set of files, a PATH and a download that may or may not work. */
function machine(
  files: string[],
  env: NodeJS.ProcessEnv = {},
  download: 'works' | 'fails' = 'works',
): FinderDeps & { logged: string[]; downloads: number } {
  const present = new Set(files);
  const m = {
    logged: [] as string[],
    downloads: 0,
    env: { PATH: ['/usr/local/bin', '/usr/bin'].join(delimiter), ...env },
    exists: (p: string) => present.has(p),
    playwrightChromium: () => '/cache/ms-playwright/chromium/chrome',
    download: () => {
      m.downloads += 1;
      if (download === 'fails') {
        throw Object.assign(new Error('exit 1'), {
          stderr: Buffer.from('…\nError: getaddrinfo ENOTFOUND\n'),
        });
      }
      present.add('/cache/ms-playwright/chromium/chrome');
    },
    log: (line: string) => m.logged.push(line),
  };
  return m;
}

test.describe('the browser finder (e2e tests and Lighthouse)', () => {
  test('takes CHROME_PATH first, and says so when it names nothing', () => {
    const given = machine(['/opt/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/chrome' });
    expect(findChromium(given)).toBe('/opt/chrome');
    const wrong = machine(['/usr/bin/chromium'], { CHROME_PATH: '/opt/nothing' });
    expect(() => findChromium(wrong)).toThrow(/CHROME_PATH=\/opt\/nothing does not exist/);
  });

  test('else a Chromium or Chrome on the machine, without downloading', () => {
    const m = machine(['/usr/local/bin/google-chrome', '/cache/ms-playwright/chromium/chrome']);
    expect(findChromium(m)).toBe('/usr/local/bin/google-chrome');
    expect(m.downloads).toBe(0);
  });

  test("else Playwright's Chromium, downloaded by the run itself when missing", () => {
    const cached = machine(['/cache/ms-playwright/chromium/chrome']);
    expect(findChromium(cached)).toBe('/cache/ms-playwright/chromium/chrome');
    expect(cached.downloads).toBe(0);

    const fresh = machine([]);
    expect(findChromium(fresh)).toBe('/cache/ms-playwright/chromium/chrome');
    expect(fresh.downloads).toBe(1);
    expect(fresh.logged).toEqual([expect.stringContaining('downloading')]);
  });

  test('else one line saying how to get one', () => {
    const offline = machine([], {}, 'fails');
    let error: unknown;
    try {
      findChromium(offline);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFound);
    const message = (error as Error).message;
    expect(message.startsWith(HOW_TO_GET_ONE)).toBe(true);
    expect(message).toContain('ENOTFOUND');
    expect(message).not.toContain('\n');

    const noDownloads = machine([], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    expect(() => findChromium(noDownloads)).toThrow(BrowserNotFound);
    expect(noDownloads.downloads).toBe(0);
  });
});
