import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';
import { withDatabase } from './support/second-api';

/**
 * The administrator walks the organisation dashboard (issue 14): key figures, the charts with
 * their tables and summaries, the figures per school, per cohort and per school year, filters kept
 * in the address, the download of the same figures, and the page in English. It reads only, but for
 * a finished cohort of the year before (one participant of no school, made here, whom no other
 * spec knows), so there is a school year to compare with.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = Date.now().toString(36).slice(-5);
const LAST_YEAR = `STL Lärkby 2025/26 ${RUN}`;

test.beforeAll(async () => {
  await withDatabase(async (db) => {
    const [person] = (
      await db.query(
        `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
         SELECT organisation_id, $1, $2, NULL, password_hash FROM person WHERE email = 'sara.lindqvist@larkby.example'
         RETURNING id, organisation_id`,
        [`fjol.${RUN}@larkby.example`, `Fia Fjolår${RUN}`],
      )
    ).rows;
    const [cohort] = (
      await db.query(
        `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, status, opened_at, completed_at)
         VALUES ($1, $2, '2025/26', '2025-08-18', '2026-06-10', 'COMPLETED', '2025-08-18', '2026-06-12') RETURNING id`,
        [person.organisation_id, LAST_YEAR],
      )
    ).rows;
    await db.query(
      `INSERT INTO cohort_membership (cohort_id, person_id, role, school_id) VALUES ($1, $2, 'PARTICIPANT', NULL)`,
      [cohort.id, person.id],
    );
  });
});

/** How far the page itself scrolls sideways (0 or less: not at all). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('the administrator follows the organisation up on the dashboard, axe clean', async ({ page }) => {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/cohorts');
  await page.getByTestId('dashboard-link').click();
  await expect(page).toHaveURL(/\/follow-up$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning av organisationen' })).toBeVisible();

  // The key figures of the selection.
  const figures = page.getByTestId('key-figures');
  await expect(figures).toBeVisible();
  const participants = Number(
    (await figures.locator('div', { hasText: 'Deltagare' }).locator('dd').textContent())?.replace(/\D/g, ''),
  );
  expect(participants).toBeGreaterThan(0);

  // Every chart is drawn, with a sentence and its numbers as a table.
  for (const id of ['chart-completion', 'chart-rounds', 'chart-turnaround', 'chart-years']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('canvas[role="img"]')).toBeVisible();
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
    await expect(chart.getByRole('table')).toBeVisible();
    const size = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width * c.height);
    expect(size, `${id} drawn`).toBeGreaterThan(0);
  }
  // The per-round table: as many participants per round as the key figure says.
  const firstRound = page.getByTestId('chart-rounds').getByRole('row').nth(1);
  await expect(firstRound.getByRole('cell').nth(1)).toHaveText(String(participants));
  // The per-cohort table fits the page at 1280 px, in a region named by its heading.
  const cohorts = page.getByRole('region', { name: 'Per utbildningsomgång' });
  await expect(cohorts.getByTestId('cohort-table')).toBeVisible();
  expect(await cohorts.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await checkPage(page, 'dashboard');

  // A school chosen: kept in the address, the figures narrowed.
  const school = page.getByTestId('filter-school');
  const options = await school.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  // A school of the demo cohort (other specs may have added schools without participants).
  expect(options).toContain('Ekbackeskolan');
  await school.selectOption({ label: 'Ekbackeskolan' });
  await expect(page).toHaveURL(/[?&]school=/);
  await expect(page.getByTestId('chart-completion').getByRole('row')).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('filter-school')).toHaveValue(/.+/);
  await checkPage(page, 'dashboard-school');

  // The download holds the selection as shown.
  const shown = Number(
    (
      await page
        .getByTestId('key-figures')
        .locator('div', { hasText: 'Deltagare' })
        .locator('dd')
        .textContent()
    )?.replace(/\D/g, ''),
  );
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exportera till Excel' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^Uppföljning Lärkby kommun .*\.xlsx$/);
  const [sheet] = await readXlsxFile(readFileSync(await file.path()));
  expect(sheet.sheet).toBe('Uppföljning');
  const [, total] = sheet.data as unknown[][];
  expect(total[2]).toBe('Alla');
  expect(total[3]).toBe(shown);

  // Back to every school.
  await page.getByTestId('filter-school').selectOption({ index: 0 });
  await expect(page).not.toHaveURL(/school=/);

  // The same figures split by school, by cohort and by school year, each as a table: the schools'
  // participants add up to the key figure, and the years' table holds both years whatever the
  // year chosen.
  const perSchool = page.getByRole('region', { name: 'Per skola', exact: true }).getByTestId('school-table');
  const schoolRows = perSchool.locator('tbody tr');
  await expect(schoolRows.first()).toBeVisible();
  const schoolParticipants = (await schoolRows.locator('td:nth-of-type(1)').allTextContents()).map((t) =>
    Number(t.replace(/\D/g, '')),
  );
  expect(schoolParticipants.reduce((a, b) => a + b, 0)).toBe(participants);
  await expect(perSchool.getByRole('rowheader', { name: 'Ekbackeskolan' })).toBeVisible();
  // The completion chart's sentence counts the schools its table lists.
  const completionRows = await page.getByTestId('chart-completion').locator('tbody tr').count();
  expect(completionRows).toBe(schoolParticipants.length);
  await expect(page.getByTestId('chart-completion').getByTestId('chart-summary')).toHaveText(
    new RegExp(`^${completionRows} skol(a|or)\\.`),
  );
  // The years compared: the sentence names the first and last year of the table with their shares.
  const perYear = page.getByRole('region', { name: 'Per läsår', exact: true }).getByTestId('year-table');
  const yearRows = perYear.locator('tbody tr');
  const years = (await yearRows.getByRole('rowheader').allTextContents()).map((t) => t.trim());
  expect(years).toEqual(expect.arrayContaining(['2025/26', '2026/27']));
  /** The years chart's sentence as it must read from the first and last row of the years' table. */
  const yearsSentence = async (region: string, n: string, rate: string) => {
    const rows = page.getByRole('region', { name: region, exact: true }).locator('tbody tr');
    const share = (i: number) => rows.nth(i).locator('td').nth(1).textContent();
    return `${years.length} ${n}. ${rate} ${years[0]}: ${await share(0)}; ${years.at(-1)}: ${await share(years.length - 1)}.`;
  };
  await expect(page.getByTestId('chart-years').getByTestId('chart-summary')).toHaveText(
    await yearsSentence('Per läsår', 'läsår', 'Andel fullföljt'),
  );
  const lastYearParticipants = await yearRows
    .filter({ has: page.getByRole('rowheader', { name: '2025/26' }) })
    .locator('td')
    .first()
    .textContent();

  // Another school year chosen: in the address, the figures of that year, the years still compared.
  await page.getByTestId('filter-year').selectOption({ label: '2025/26' });
  await expect(page).toHaveURL(/[?&]year=2025%2F26/);
  await expect(figures.locator('div', { hasText: 'Deltagare' }).locator('dd')).toHaveText(
    lastYearParticipants ?? '',
  );
  const cohortOptions = await page.getByTestId('filter-cohort').locator('option').allTextContents();
  expect(cohortOptions).toContain(LAST_YEAR);
  expect(cohortOptions).not.toContain('STL Lärkby 2026/27');
  await expect(perYear.getByRole('rowheader')).toHaveText(years);
  await page.reload();
  await expect(page.getByTestId('filter-year')).toHaveValue('2025/26');
  await expect(page.getByRole('region', { name: 'Per utbildningsomgång' })).toContainText(LAST_YEAR);
  await checkPage(page, 'dashboard-last-year');

  // In English: headings, tables and the charts' sentences, axe clean; then back to Swedish.
  await page.getByTestId('filter-year').selectOption({ label: '2026/27' });
  await expect(page).toHaveURL(/[?&]year=2026%2F27/);
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation follow-up' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'By school year', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'By school', exact: true })).toBeVisible();
  await expect(page.getByTestId('chart-years').getByTestId('chart-summary')).toHaveText(
    await yearsSentence('By school year', 'school years', 'Completion rate'),
  );
  await checkPage(page, 'dashboard-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning av organisationen' })).toBeVisible();
});

test('on a phone the dashboard does not scroll sideways; its tables scroll on their own, by keyboard too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/cohorts');
  await page.getByTestId('dashboard-link').click();
  const cohorts = page.getByRole('region', { name: 'Per utbildningsomgång' });
  await expect(cohorts.getByTestId('cohort-table')).toBeVisible();
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // Wider than the phone, the table scrolls inside its region, which the keyboard reaches.
  expect(await cohorts.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeGreaterThan(0);
  await cohorts.focus();
  await expect(cohorts).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => cohorts.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  // axe: every region that scrolls can be reached by keyboard (the charts' tables too).
  await checkPage(page, 'dashboard-phone');
});
