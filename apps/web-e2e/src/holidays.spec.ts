import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * The organisation's own school holidays (issue 19): the administrator Åsa Lind adds a study week
 * to the built-in list of a school year (a refused overlap first, marked at its row), saves the
 * whole list, sees it reload; the course leader Maria Berg planning a cohort that year is then not
 * offered a meeting in that week. Works on the school year after next, which no other spec plans
 * in, and ends by deleting the draft cohort and going back to the built-in list.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = Date.now().toString(36).slice(-5);
const COHORT = `STL Lovtest ${RUN}`;
let year = '';
/** The autumn year of the school year the spec works in. */
let y = 0;
/** True while the organisation has its own list for that year. */
let ownList = false;

async function openHolidays(page: Page): Promise<void> {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin');
  await page.locator('#main').getByRole('link', { name: 'Lovdagar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lovdagar' })).toBeVisible();
  const options = page.getByLabel('Läsår', { exact: true }).locator('option');
  await expect(options).toHaveCount(3);
  year = ((await options.last().textContent()) ?? '').trim();
  y = Number(year.slice(0, 4));
  await page.getByLabel('Läsår', { exact: true }).selectOption(year);
  await expect(page.getByRole('heading', { level: 2, name: `Lov läsåret ${year}` })).toBeVisible();
}

const row = (page: Page, n: number) => page.getByRole('group', { name: `Lov ${n}`, exact: true });

test('an administrator adds a study week to the built-in holidays of a school year', async ({ page }) => {
  await openHolidays(page);
  await expect(page.getByTestId('holidays-source')).toHaveText(
    `Läsåret ${year} följer standardlistan. Ändra och spara för att ge organisationen en egen lista.`,
  );
  await expect(page.getByTestId('holiday-row')).toHaveCount(4);
  await expect(row(page, 1).getByLabel('Namn')).toHaveValue('Höstlov');
  await expect(row(page, 2).getByLabel('Namn')).toHaveValue('Jullov');
  await expect(row(page, 2).getByLabel('Första lediga dagen')).toHaveValue(`${y}-12-21`);
  await expect(page.getByRole('button', { name: 'Återställ till standardlistan' })).toHaveCount(0);
  await checkPage(page, 'admin-holidays-default');

  // A study week, typed first over jullov: refused at its row, nothing saved.
  await page.getByRole('button', { name: 'Lägg till ett lov' }).click();
  await expect(row(page, 5).getByLabel('Namn')).toBeFocused();
  await row(page, 5).getByLabel('Namn').fill('Studievecka');
  await row(page, 5).getByLabel('Första lediga dagen').fill(`${y}-12-28`);
  await row(page, 5).getByLabel('Sista lediga dagen').fill(`${y}-12-30`);
  await page.getByRole('button', { name: `Spara loven för ${year}` }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Rätta följande' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Lov 5 överlappar ett annat lov i listan.');
  await expect(row(page, 5).getByLabel('Första lediga dagen')).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 5).getByText('Lov 5 överlappar ett annat lov i listan.')).toBeVisible();
  await checkPage(page, 'admin-holidays-errors');

  // The first week of October instead: the whole list is saved, and is the organisation's own.
  await row(page, 5).getByLabel('Första lediga dagen').fill(`${y}-10-01`);
  await row(page, 5).getByLabel('Sista lediga dagen').fill(`${y}-10-07`);
  await page.getByRole('button', { name: `Spara loven för ${year}` }).click();
  await expect(page.getByTestId('saved')).toHaveText(
    `Loven för läsåret ${year} är sparade. Förslagen på träffdatum undviker dem från och med nu.`,
  );
  ownList = true;
  await expect(page.getByTestId('holidays-source')).toHaveText(
    `Organisationen har en egen lista för läsåret ${year}.`,
  );
  // In date order: the study week comes first.
  await expect(row(page, 1).getByLabel('Namn')).toHaveValue('Studievecka');

  // The saved list is what the page loads again.
  await page.reload();
  await page.getByLabel('Läsår', { exact: true }).selectOption(year);
  await expect(page.getByTestId('holiday-row')).toHaveCount(5);
  await expect(row(page, 1).getByLabel('Namn')).toHaveValue('Studievecka');
  await expect(row(page, 1).getByLabel('Sista lediga dagen')).toHaveValue(`${y}-10-07`);
  await checkPage(page, 'admin-holidays-own');
});

test('a course leader planning that year is not offered a meeting in the study week', async ({ page }) => {
  await signInAsDemo(page, 'Maria Berg');
  await page.goto('/cohorts');
  await page.getByRole('button', { name: 'Ny utbildningsomgång' }).click();
  await page.getByLabel('Namn', { exact: true }).fill(COHORT);
  await page.getByLabel('Läsår').fill(year);
  await page.getByLabel('Första dag').fill(`${y}-08-20`);
  await page.getByLabel('Sista dag').fill(`${y + 1}-06-10`);
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Planera ${COHORT}` })).toBeVisible();

  // Four weeks after 6 September falls in the study week; the week after is offered.
  await page.getByRole('link', { name: /^2\. Träffar/ }).click();
  await page.getByLabel('Rubrik').fill('Uppstart');
  await page.getByLabel('Datum').fill(`${y}-09-06`);
  await page.getByLabel('Plats').fill('Ekbackeskolan, aulan');
  await page.getByRole('button', { name: 'Lägg till träffen' }).click();
  await expect(page.getByText('Träffen är tillagd.')).toBeVisible();
  await expect(page.getByLabel('Datum')).toHaveValue(`${y}-10-11`);

  // The draft is not needed again.
  await page.getByRole('link', { name: '5. Öppna' }).click();
  await page.getByRole('button', { name: `Ta bort ${COHORT}` }).click();
  await page.getByRole('button', { name: `Ja, ta bort ${COHORT}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina utbildningsomgångar' })).toBeVisible();
});

/** Back to the built-in list, by the button and its confirmation. */
async function resetToDefaults(page: Page): Promise<void> {
  await openHolidays(page);
  await page.getByRole('button', { name: 'Återställ till standardlistan' }).click();
  await page.getByRole('button', { name: 'Ja, återställ till standardlistan' }).click();
  await expect(page.getByTestId('saved')).toHaveText(`Läsåret ${year} följer standardlistan igen.`);
  ownList = false;
}

test('the administrator goes back to the built-in list', async ({ page }) => {
  await resetToDefaults(page);
  await expect(page.getByTestId('holidays-source')).toContainText('följer standardlistan');
  await expect(page.getByTestId('holiday-row')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Återställ till standardlistan' })).toHaveCount(0);
});

// Should a step fail, the school year is still left as other specs expect it.
test.afterAll(async ({ browser }) => {
  if (!ownList) return;
  const page = await browser.newPage();
  await resetToDefaults(page);
  await page.close();
});
