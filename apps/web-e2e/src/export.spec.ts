import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';

/**
 * The course leader downloads the progress matrix and the attendance list (issue 19): the files
 * are read back and hold what the screen shows. Reads only, so it changes nothing for later specs.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SEEDED = 'STL Lärkby 2026/27';

async function download(page: Page, name: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  expect(await file.failure()).toBeNull();
  return file;
}

test('the course leader exports the progress matrix and gets the figures on the screen', async ({ page }) => {
  await signInAsDemo(page, 'Maria Berg');
  await page.getByRole('link', { name: 'Öppna uppföljningen per deltagare och omgång' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByTestId('matrix-count')).toHaveText(/Visar (\d+) av \1 deltagare\./);
  const exports = page.getByRole('group', { name: 'Exportera deltagarnas framsteg' });
  await expect(exports).toBeVisible();
  await checkPage(page, 'export-matrix-toolbar');

  // What the screen shows: each row's heading (name, school, signal) and its cells, one per round.
  const screen = await page.getByTestId('matrix-row').evaluateAll((rows) =>
    rows.map((r) => ({
      header: r.querySelector('th')?.textContent?.replace(/\s+/g, ' ') ?? '',
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ') ?? ''),
    })),
  );
  expect(screen.length).toBe(24);

  const xlsx = await download(page, 'Exportera till Excel');
  expect(xlsx.suggestedFilename()).toMatch(/^Framsteg STL Lärkby 2026-27 \d{4}-\d{2}-\d{2}\.xlsx$/);
  const [progress] = await readXlsxFile(readFileSync(await xlsx.path()));
  const [header, ...rows] = progress.data as unknown[][];
  expect(header.slice(0, 4)).toEqual(['Namn', 'Skola', 'Fullföljt', 'Stödnivå']);
  const statusColumns = header
    .map((h, i) => [String(h).match(/^Analys (\d+): status$/)?.[1], i] as const)
    .filter(([n]) => n !== undefined);
  expect(statusColumns.length).toBeGreaterThanOrEqual(6);
  expect(rows).toHaveLength(screen.length);
  const schoolChecks: [string, string][] = [];
  for (const row of rows) {
    const [name, school, , level] = row as string[];
    const onScreen = screen.filter((s) => s.header.includes(name));
    expect(onScreen, name).toHaveLength(1);
    // The compact row shows no school; its side panel does (checked for a few rows below).
    if (school && schoolChecks.length < 3) schoolChecks.push([name, school]);
    if (level !== 'I fas') expect(onScreen[0].header).toContain(level);
    for (const [n, column] of statusColumns) {
      expect(onScreen[0].cells[Number(n) - 1], `${name}, analys ${n}`).toContain(String(row[column]));
    }
  }

  expect(schoolChecks.length).toBeGreaterThan(0);
  for (const [name, school] of schoolChecks) {
    await page.getByRole('button', { name: `${name} – visa detaljer` }).click();
    const panel = page.getByTestId('details-panel');
    await expect(panel.getByRole('heading', { name })).toBeVisible();
    await expect(panel).toContainText(school);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }

  // The same table as CSV, for Swedish Excel: a byte order mark, semicolons, one line per participant.
  const csv = await download(page, 'Exportera CSV');
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0].startsWith('Namn;Skola;Fullföljt;Stödnivå;Skäl;')).toBe(true);
  expect(lines).toHaveLength(rows.length + 1);
  await signOut(page);
});

test('the course leader exports the attendance list from the attendance page', async ({ page }) => {
  await signInAsDemo(page, 'Maria Berg');
  await page.goto('/cohorts');
  await page.getByRole('link', { name: SEEDED, exact: true }).click();
  await page.getByRole('link', { name: 'Närvaro vid träff 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Närvaro: träff 1/ })).toBeVisible();
  const onScreen = await page.getByTestId('attendance-row').evaluateAll((rows) =>
    rows.map((r) => ({
      name: r.querySelector('th')?.textContent?.trim() ?? '',
      status: (r.querySelector('input:checked')?.parentElement?.textContent ?? '').trim(),
    })),
  );
  expect(onScreen).toHaveLength(24);
  await checkPage(page, 'export-attendance-toolbar');

  const xlsx = await download(page, 'Exportera till Excel');
  expect(xlsx.suggestedFilename()).toMatch(/^Närvaro STL Lärkby 2026-27 .*\.xlsx$/);
  const [sheet] = await readXlsxFile(readFileSync(await xlsx.path()));
  expect(sheet.data[0]).toEqual(['Träff', 'Titel', 'Började', 'Namn', 'Skola', 'Närvaro']);
  const meeting1 = sheet.data.slice(1).filter((r) => r[0] === 1);
  expect(meeting1).toHaveLength(onScreen.length);
  for (const p of onScreen) {
    const row = meeting1.find((r) => r[3] === p.name);
    expect(row?.[5], p.name).toBe(p.status || 'Inte registrerad');
  }
  await signOut(page);
});
