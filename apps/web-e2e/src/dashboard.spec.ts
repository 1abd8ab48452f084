import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * The administrator walks the organisation dashboard (issue 14): key figures, the charts with
 * their tables and summaries, filters kept in the address, and the download of the same figures.
 * Reads only, so it changes nothing for later specs.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

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
