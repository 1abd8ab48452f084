/**
 * Lighthouse on the pages teachers and course leaders live in (issue 18): sign-in, the teacher's
 * home, the analysis editor and the progress matrix, with Lighthouse's desktop and mobile presets,
 * printing per page Cumulative Layout Shift, accessibility, performance and Total Blocking Time.
 *
 *   npm start                      # in another terminal: the platform with the demo organisation
 *   npm run lighthouse             # against http://localhost:3000
 *   npm run lighthouse -- --url http://127.0.0.1:4000 --preset desktop --pages home,editor --assert
 *
 * The browser is the one the end-to-end tests use (apps/web-e2e/src/support/browser.ts: CHROME_PATH,
 * else a Chromium or Chrome on the machine, else Playwright's). Signs in through the sign-in page's
 * demo accounts as Sara Lindqvist (teacher) and Maria Berg (course leader), so the platform must run
 * with SEED_DEMO (npm start does). `--assert` exits 1 when a target is missed: CLS ≤ 0.05 and
 * accessibility 100 everywhere, performance ≥ 90 on desktop. `--save DIR` keeps the JSON reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Config, Flags, Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
// The one browser finder of the repository lives with the end-to-end tests.
import { CHROMIUM_ARGS, chromiumOrExit } from '../../apps/web-e2e/src/support/browser';

const PAGES = ['sign-in', 'home', 'editor', 'matrix'] as const;
type PageName = (typeof PAGES)[number];
const PRESETS = ['desktop', 'mobile'] as const;
type Preset = (typeof PRESETS)[number];

const TARGETS = { cls: 0.05, accessibility: 100, desktopPerformance: 90 };

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env['LIGHTHOUSE_URL'] ?? 'http://localhost:3000' },
    preset: { type: 'string', default: 'both' },
    pages: { type: 'string', default: PAGES.join(',') },
    assert: { type: 'boolean', default: false },
    save: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/$/, '');
const presets: Preset[] = values.preset === 'both' ? [...PRESETS] : [values.preset as Preset];
const pages = values.pages.split(',') as PageName[];
for (const p of pages)
  if (!PAGES.includes(p)) throw new Error(`Unknown page ${p}: one of ${PAGES.join(', ')}`);
for (const p of presets) if (!PRESETS.includes(p)) throw new Error(`Unknown preset ${p}: desktop or mobile`);

interface Row {
  preset: Preset;
  page: PageName;
  path: string;
  cls: number;
  accessibility: number;
  performance: number;
  tbt: number;
  lcp: number;
  result: Result;
}

async function signIn(page: Page, fullName: string): Promise<void> {
  const client = await page.createCDPSession();
  await client.send('Network.clearBrowserCookies');
  await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle0' });
  const toggle = await page.waitForSelector('::-p-text(Visa demokonton), ::-p-text(Show demo accounts)');
  await toggle?.click();
  const account = await page.waitForFunction(
    (name: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(name)),
    {},
    fullName,
  );
  await (account as unknown as { click(): Promise<void> }).click();
  await page.waitForFunction(() => !location.pathname.startsWith('/sign-in'));
  await page.waitForNetworkIdle();
}

/** The first link on the current page whose path matches, e.g. the teacher's "Skriv analys" link. */
async function linkPath(page: Page, pattern: RegExp, what: string): Promise<string> {
  const found = await page
    .waitForFunction(
      (source: string) =>
        [...document.querySelectorAll('a[href]')]
          .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
          .find((path) => new RegExp(source).test(path)),
      { timeout: 20_000 },
      pattern.source,
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    .catch(() => undefined);
  if (!found) throw new Error(`No link to ${what} on ${page.url()} (is the demo seeded with activity?)`);
  return found;
}

function configOf(preset: Preset): Config {
  const categories = { onlyCategories: ['performance', 'accessibility'] };
  if (preset === 'desktop') {
    return { ...desktopConfig, settings: { ...desktopConfig.settings, ...categories } };
  }
  return { extends: 'lighthouse:default', settings: categories };
}

async function measure(page: Page, preset: Preset, name: PageName, path: string): Promise<Row> {
  const flags: Flags = {
    logLevel: 'error',
    output: 'json',
    // Keeps the session cookie of the signed-in person (the sign-in page is measured signed out).
    disableStorageReset: true,
  };
  const run = await lighthouse(`${base}${path}`, flags, configOf(preset), page);
  if (!run) throw new Error(`Lighthouse gave no result for ${path}`);
  const lhr = run.lhr;
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const numeric = (a: string) => lhr.audits[a]?.numericValue ?? NaN;
  return {
    preset,
    page: name,
    path,
    cls: numeric('cumulative-layout-shift'),
    accessibility: score('accessibility'),
    performance: score('performance'),
    tbt: numeric('total-blocking-time'),
    lcp: numeric('largest-contentful-paint'),
    result: lhr,
  };
}

/** What to fix: failing accessibility audits and the elements that shifted. */
function explain(row: Row): string[] {
  const lines: string[] = [];
  for (const ref of row.result.categories['accessibility']?.auditRefs ?? []) {
    const audit = row.result.audits[ref.id];
    if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0) {
      lines.push(`  a11y ${audit.id}: ${audit.title}`);
    }
  }
  const shifts = row.result.audits['layout-shifts']?.details;
  if (shifts && 'items' in shifts) {
    for (const item of shifts.items.slice(0, 5)) {
      const node = (item as { node?: { selector?: string; snippet?: string } }).node;
      const score = (item as { score?: number }).score ?? 0;
      lines.push(
        `  shift ${score.toFixed(3)}: ${node?.selector ?? '?'} ${node?.snippet?.slice(0, 80) ?? ''}`,
      );
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const chromePath = chromiumOrExit();
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  let browser: Browser | undefined;
  const rows: Row[] = [];
  try {
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    const health = await fetch(`${base}/health`).catch(() => undefined);
    if (!health?.ok) throw new Error(`No platform at ${base} (start it with \`npm start\`, or pass --url).`);

    // Paths first (signed in as each person), then the measurements, preset by preset.
    const paths: Partial<Record<PageName, { who?: string; path: string }>> = {
      'sign-in': { path: '/sign-in' },
    };
    if (pages.includes('home') || pages.includes('editor')) {
      await signIn(page, 'Sara Lindqvist');
      paths.home = { who: 'Sara Lindqvist', path: '/' };
      // The home links to the round open for writing, if any; the course page to every round.
      const editor = /\/rounds\/[^/]+\/analysis$/;
      const course = await linkPath(page, /^\/cohorts\/[^/]+$/, 'her course');
      const onHome = await page.$$eval('a[href]', (links) =>
        links.map((a) => new URL(a.href).pathname).filter((p) => /\/rounds\/[^/]+\/analysis$/.test(p)),
      );
      let path = onHome[0];
      if (!path) {
        await page.goto(`${base}${course}`);
        path = await linkPath(page, editor, "the teacher's analysis editor");
      }
      paths.editor = { who: 'Sara Lindqvist', path };
    }
    if (pages.includes('matrix')) {
      await signIn(page, 'Maria Berg');
      paths.matrix = { who: 'Maria Berg', path: await linkPath(page, /\/follow-up$/, 'the progress matrix') };
    }
    for (const preset of presets) {
      // null: not known yet, so the first page always signs in (or out) as it needs.
      let signedInAs: string | undefined | null = null;
      for (const name of pages) {
        const target = paths[name];
        if (!target) continue;
        if (target.who !== signedInAs) {
          if (target.who) await signIn(page, target.who);
          else await (await page.createCDPSession()).send('Network.clearBrowserCookies');
          signedInAs = target.who;
        }
        process.stderr.write(`measuring ${preset} ${name} (${target.path})…\n`);
        // On a busy machine Lighthouse sometimes loses the trace (NO_NAVSTART): try again.
        for (let attempt = 1; ; attempt++) {
          try {
            rows.push(await measure(page, preset, name, target.path));
            break;
          } catch (err) {
            if (attempt === 3) throw err;
            process.stderr.write(`  again (${err instanceof Error ? err.message : String(err)})\n`);
          }
        }
      }
    }
  } finally {
    await browser?.disconnect();
    chrome.kill();
  }

  const fmt = (r: Row) =>
    [
      r.preset.padEnd(8),
      r.page.padEnd(8),
      r.cls.toFixed(3).padStart(6),
      String(r.accessibility).padStart(5),
      String(r.performance).padStart(5),
      `${Math.round(r.tbt)} ms`.padStart(8),
      `${(r.lcp / 1000).toFixed(1)} s`.padStart(7),
    ].join(' ');
  console.log(`${'preset'.padEnd(8)} ${'page'.padEnd(8)}    CLS  a11y  perf      TBT     LCP`);
  for (const r of rows) {
    console.log(fmt(r));
    if (values.verbose) for (const line of explain(r)) console.log(line);
  }
  if (values.save) {
    mkdirSync(values.save, { recursive: true });
    for (const r of rows)
      writeFileSync(join(values.save, `${r.preset}-${r.page}.json`), JSON.stringify(r.result));
  }
  const missed = rows.flatMap((r) => [
    ...(r.cls > TARGETS.cls ? [`${r.preset} ${r.page}: CLS ${r.cls.toFixed(3)} > ${TARGETS.cls}`] : []),
    ...(r.accessibility < TARGETS.accessibility
      ? [`${r.preset} ${r.page}: accessibility ${r.accessibility}`]
      : []),
    ...(r.preset === 'desktop' && r.performance < TARGETS.desktopPerformance
      ? [`${r.preset} ${r.page}: performance ${r.performance} < ${TARGETS.desktopPerformance}`]
      : []),
  ]);
  for (const m of missed) console.log(`missed: ${m}`);
  if (values.assert && missed.length) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`lighthouse: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
