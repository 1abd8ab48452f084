import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * The administrator's screens as Åsa Lind uses them: schools, people and roles, certifications with
 * expiry warnings, analysis templates (a new version, never a change to one in use) and cohorts.
 * Everything created here has a name of its own (RUN), so other spec files are not disturbed.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const RUN = Date.now().toString(36).slice(-5);
const SCHOOL = `Björkskolan ${RUN}`;
const PERSON = `Lisa Nyberg ${RUN}`;
const EMAIL = `lisa.nyberg.${RUN}@larkby.example`;
const TEMPLATE = `Testmall ${RUN}`;
const COHORT = `STL Björkskolan ${RUN}`;

let personPath = '';

/** A calendar day in Stockholm, `days` from today, as YYYY-MM-DD. */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(d);
}

async function openAdmin(page: Page): Promise<void> {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the overview leads to every area; schools are added and renamed', async ({ page }) => {
  await openAdmin(page);
  for (const area of [
    'Skolor',
    'Personer och roller',
    'STL-certifieringar',
    'Analysmallar',
    'Utbildningsomgångar',
  ]) {
    await expect(page.locator('#main').getByRole('link', { name: area, exact: true })).toBeVisible();
  }
  await expect(
    page.getByText(/Kursledare utan giltig certifiering eller med en som snart går ut: [1-9]/),
  ).toBeVisible();
  await checkPage(page, 'admin-overview');

  await page.getByRole('link', { name: 'Skolor', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skolor' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Ekbackeskolan' })).toBeVisible();
  await checkPage(page, 'admin-schools');

  // Nothing typed, and a unit code that is not 8 digits: errors beside the fields, summary focused.
  await page.getByLabel('Skolenhetskod (frivillig)').fill('1234');
  await page.getByRole('button', { name: 'Lägg till skolan' }).click();
  await expect(page.locator('#school-name-error')).toHaveText('Skriv skolans namn.');
  await expect(page.locator('#school-unit-code-error')).toHaveText(
    'Skolenhetskoden ska vara exakt 8 siffror.',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'Rätta följande' })).toBeFocused();
  await checkPage(page, 'admin-schools-errors');

  // A name already taken: the API's refusal in words, and what was typed stays.
  await page.getByLabel('Skolans namn').fill('ekbackeskolan');
  await page.getByLabel('Skolenhetskod (frivillig)').fill('');
  await page.getByRole('button', { name: 'Lägg till skolan' }).click();
  await expect(page.locator('#school-name-error')).toHaveText('Det finns redan en skola med det namnet.');
  await expect(page.getByLabel('Skolans namn')).toHaveValue('ekbackeskolan');

  await page.getByLabel('Skolans namn').fill(SCHOOL);
  await page.getByRole('button', { name: 'Lägg till skolan' }).click();
  await expect(page.getByTestId('saved')).toHaveText(`${SCHOOL} är tillagd.`);
  await expect(page.getByRole('rowheader', { name: SCHOOL })).toBeVisible();

  // Rename it and give it a unit code.
  await page.getByRole('button', { name: `Ändra ${SCHOOL}` }).click();
  await expect(page.getByRole('heading', { name: `Ändra ${SCHOOL}` })).toBeFocused();
  await page.getByLabel('Skolans namn').fill(`${SCHOOL} F–6`);
  await page.getByLabel('Skolenhetskod (frivillig)').fill(`9${String(Date.now()).slice(-7)}`);
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByTestId('saved')).toHaveText(`Ändringarna för ${SCHOOL} F–6 är sparade.`);
  await expect(page.getByRole('rowheader', { name: `${SCHOOL} F–6` })).toBeVisible();
  await checkPage(page, 'admin-schools-saved');
});

test('people are found, added with roles, changed; nobody removes their own administrator role', async ({
  page,
}) => {
  await openAdmin(page);
  await page.getByRole('link', { name: 'Personer och roller', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer och roller' })).toBeVisible();
  await page.getByLabel('Namn eller e-postadress').fill('karin');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await expect(page.getByRole('rowheader', { name: 'Karin Sjö' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'karin.sjo@larkby.example' })).toBeVisible();
  await checkPage(page, 'admin-people');

  await page.getByRole('link', { name: 'Lägg till en person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till en person' })).toBeVisible();
  await checkPage(page, 'admin-person-new');

  // An address someone already signs in with: refused in words, nothing typed is lost.
  await page.getByLabel('Namn', { exact: true }).fill(PERSON);
  await page.getByLabel('E-postadress').fill('maria.berg@larkby.example');
  await page.getByLabel('Hemskola').selectOption({ label: `${SCHOOL} F–6` });
  await page.getByRole('button', { name: 'Lägg till personen' }).click();
  await expect(page.locator('#person-email-error')).toHaveText(
    'Någon loggar redan in med den e-postadressen. Varje person behöver en egen adress.',
  );
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(PERSON);
  await checkPage(page, 'admin-person-new-conflict');

  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByRole('button', { name: 'Lägg till personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON })).toBeVisible();
  await expect(page.getByTestId('created')).toHaveText(`${PERSON} är tillagd.`);
  personPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('role')).toHaveText([/Lärare/]);
  await checkPage(page, 'admin-person');

  // A school leader role needs its school.
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Rektor' });
  await page.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.locator('#grant-school-error')).toHaveText('Välj vilken skola rektorn leder.');
  await page.getByLabel('Skolan som rektorn leder').selectOption({ label: `${SCHOOL} F–6` });
  await page.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByTestId('roles-notice')).toHaveText(`Rollen Rektor på ${SCHOOL} F–6 är tillagd.`);
  await page.getByRole('button', { name: `Ta bort Rektor på ${SCHOOL} F–6` }).click();
  await expect(page.getByTestId('roles-notice')).toHaveText(`Rollen Rektor på ${SCHOOL} F–6 är borttagen.`);
  await expect(page.getByTestId('role')).toHaveCount(1);

  await page.getByLabel('Språk i e-post och på webben').selectOption('en');
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(page.getByTestId('details-saved')).toHaveText('Uppgifterna är sparade.');

  // Åsa cannot remove her own administrator role: the API refuses and the page says why.
  await page.goto('/admin/people');
  await page.getByLabel('Namn eller e-postadress').fill('Åsa');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: 'Åsa Lind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Åsa Lind' })).toBeVisible();
  await page.getByRole('button', { name: 'Ta bort Administratör' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Rollen ändrades inte' })).toContainText(
    'Du kan inte ta bort din egen administratörsroll',
  );
  await expect(page.getByTestId('role')).toHaveText([/Administratör/]);
  await checkPage(page, 'admin-person-own-admin-role');
});

test('certifications: warnings in words, add, correct and revoke', async ({ page }) => {
  await openAdmin(page);
  await page.getByRole('link', { name: 'STL-certifieringar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'STL-certifieringar' })).toBeVisible();
  const attention = page.getByTestId('attention');
  await expect(attention.filter({ hasText: 'Karin Sjö' })).toContainText(/Gick ut för \d+ dagar sedan/);
  await checkPage(page, 'admin-certifications');

  // From the person's page, the form has them chosen.
  await page.goto(personPath);
  await page.getByRole('link', { name: `Certifieringar för ${PERSON}` }).click();
  await expect(page.getByLabel('Person', { exact: true })).toHaveValue(personPath.split('/').pop() ?? '');

  // The last day before the first: refused before anything is sent.
  await page.getByLabel('Utfärdad').fill(day(-180));
  await page.getByLabel('Giltig till och med').fill(day(-200));
  await page.getByRole('button', { name: 'Lägg till certifieringen' }).click();
  await expect(page.locator('#cert-valid-until-error')).toHaveText(
    'Sista giltighetsdagen kan inte vara före utfärdandedagen.',
  );

  // Valid for 30 more days: flagged as expiring soon, in words and with a badge.
  await page.getByLabel('Giltig till och med').fill(day(30));
  await page.getByLabel('Referens (frivillig)').fill(`STL-${RUN}`);
  await page.getByRole('button', { name: 'Lägg till certifieringen' }).click();
  await expect(page.getByTestId('cert-notice')).toHaveText(`Certifieringen för ${PERSON} är tillagd.`);
  const leader = page.getByTestId('leader').filter({ hasText: PERSON });
  await expect(leader.getByText('Går snart ut').first()).toBeVisible();
  await expect(leader).toContainText('Går ut om 30 dagar');
  await expect(attention.filter({ hasText: PERSON })).toContainText('Certifieringen går snart ut.');
  await checkPage(page, 'admin-certifications-expiring');

  // Correct it: valid for four years.
  await leader.getByRole('button', { name: `Rätta certifieringen för ${PERSON}` }).click();
  await expect(page.getByRole('heading', { name: `Rätta certifieringen för ${PERSON}` })).toBeFocused();
  await page.getByLabel('Giltig till och med').fill(day(4 * 365));
  await page.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(page.getByTestId('cert-notice')).toHaveText(`Certifieringen för ${PERSON} är rättad.`);
  await expect(leader.getByText('Certifierad', { exact: true })).toBeVisible();
  await expect(attention.filter({ hasText: PERSON })).toHaveCount(0);

  // A second, mistaken one is revoked after a confirmation.
  await leader.getByRole('button', { name: `Lägg till en certifiering för ${PERSON}` }).click();
  await page.getByLabel('Utfärdad').fill('2019-06-01');
  await page.getByLabel('Giltig till och med').fill('2023-06-30');
  await page.getByLabel('Referens (frivillig)').fill(`FEL-${RUN}`);
  await page.getByRole('button', { name: 'Lägg till certifieringen' }).click();
  await expect(page.getByTestId('cert-notice')).toHaveText(`Certifieringen för ${PERSON} är tillagd.`);
  const mistaken = leader.getByTestId('certification').filter({ hasText: `FEL-${RUN}` });
  await mistaken.getByRole('button', { name: `Återkalla certifieringen för ${PERSON}` }).click();
  await expect(mistaken.getByText(`Vill du återkalla certifieringen för ${PERSON}?`)).toBeVisible();
  await checkPage(page, 'admin-certifications-confirm-revoke');
  await mistaken.getByRole('button', { name: 'Ja, återkalla' }).click();
  await expect(page.getByTestId('cert-notice')).toHaveText(`Certifieringen för ${PERSON} är återkallad.`);
  await expect(mistaken.getByText('Återkallad', { exact: true })).toBeVisible();
  await expect(leader.getByText('Certifierad', { exact: true })).toBeVisible();
});

test('templates: a new template, and a new version that leaves the one in use alone', async ({ page }) => {
  await openAdmin(page);
  await page.getByRole('link', { name: 'Analysmallar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analysmallar' })).toBeVisible();
  await expect(page.getByTestId('template').first()).toContainText('Används');
  await checkPage(page, 'admin-templates');

  // The seeded template: its version 1 is in use; saving nothing changed is refused.
  await page.getByRole('link', { name: 'Analysmall STL – undersökande cykel' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Analysmall STL – undersökande cykel' }),
  ).toBeVisible();
  await expect(page.getByTestId('section')).toHaveCount(6);
  await page.getByRole('button', { name: 'Spara som version 2' }).click();
  await expect(page.getByRole('alert')).toContainText('Du har inte ändrat något ännu');
  await checkPage(page, 'admin-template-editor');

  // A new template of our own, so other specs' rounds keep the seeded one as it is.
  await page.goto('/admin/templates/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny analysmall' })).toBeVisible();
  await page.getByRole('button', { name: 'Skapa analysmallen' }).click();
  await expect(page.locator('#template-name-error')).toHaveText('Skriv mallens namn.');
  await expect(page.getByRole('alert')).toContainText('Avsnitt 1: skriv en rubrik.');
  await checkPage(page, 'admin-template-new-errors');
  await page.getByLabel('Mallens namn').fill(TEMPLATE);
  await page.getByLabel('Rubrik').fill('Mål för eleverna');
  await page.getByLabel('Fråga till läraren').fill('Vad ville du att eleverna skulle lära sig?');
  await page.getByRole('button', { name: 'Lägg till ett avsnitt' }).click();
  await expect(page.getByLabel('Rubrik').nth(1)).toBeFocused();
  await page.getByLabel('Rubrik').nth(1).fill('Vad hände?');
  await page.getByLabel('Fråga till läraren').nth(1).fill('Beskriv vad som hände i klassrummet.');
  await page.getByLabel('Fråga till läraren').nth(1).focus();
  await expect(page.getByLabel('Nyckel').nth(1)).toHaveValue('vad-hande');
  await page.getByRole('button', { name: 'Skapa analysmallen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
  await expect(page.getByTestId('template-created')).toHaveText(
    `Analysmallen ${TEMPLATE} är skapad som version 1.`,
  );

  // Version 2: a third section, moved to the top with the keyboard-friendly buttons.
  await page.getByRole('button', { name: 'Lägg till ett avsnitt' }).click();
  await page.getByLabel('Rubrik').nth(2).fill('Kollegialt lärande');
  await page.getByLabel('Fråga till läraren').nth(2).fill('Vad tar du med dig från kollegorna?');
  await page.getByRole('button', { name: 'Flytta upp avsnitt 3' }).click();
  await expect(page.getByRole('button', { name: 'Flytta upp avsnitt 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Flytta ned avsnitt 1' })).toBeFocused();
  await expect(page.getByTestId('section').first()).toContainText('Kollegialt lärande');
  await expect(page.getByLabel('Nyckel').first()).toHaveValue('kollegialt-larande');
  await checkPage(page, 'admin-template-new-version');
  await page.getByRole('button', { name: 'Spara som version 2' }).click();
  await expect(page.getByTestId('version-saved')).toContainText('Version 2 är sparad.');
  await expect(page.getByTestId('version')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Spara som version 3' })).toBeVisible();
  await checkPage(page, 'admin-template-version-saved');
});

test('cohorts: the list, and a new one led by a certified course leader', async ({ page }) => {
  const now = new Date();
  const year = now.getFullYear() + (now.getMonth() >= 6 ? 1 : 0);
  const schoolYear = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

  await openAdmin(page);
  await page.locator('#main').getByRole('link', { name: 'Utbildningsomgångar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utbildningsomgångar' })).toBeVisible();
  await expect(page.getByRole('row', { name: /STL Lärkby 2026\/27/ })).toContainText('Pågår');
  await checkPage(page, 'admin-cohorts');

  await page.getByLabel('Namn', { exact: true }).fill(COHORT);
  // Exact labels: the page also has the form for copying a cohort ("Första dag i den nya omgången").
  await page.getByLabel('Läsår', { exact: true }).fill(schoolYear);
  await page.getByLabel('Första dag', { exact: true }).fill(`${year}-08-16`);
  await page.getByLabel('Sista dag', { exact: true }).fill(`${year + 1}-06-09`);
  await page.getByRole('checkbox', { name: /^Karin Sjö/ }).check();
  await page.getByRole('checkbox', { name: `${PERSON} – certifierad för de här datumen` }).check();
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'En vald kursledare har ingen STL-certifiering som gäller alla dagar i utbildningsomgången.',
  );
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(COHORT);
  await checkPage(page, 'admin-cohorts-refused');

  await page.getByRole('checkbox', { name: /^Karin Sjö/ }).uncheck();
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(page.getByTestId('cohort-created')).toContainText(`${COHORT} är skapad.`);
  const row = page.getByRole('row', { name: new RegExp(COHORT) });
  await expect(row).toContainText('Planeras');
  await expect(row).toContainText(PERSON);
  await checkPage(page, 'admin-cohorts-created');
  await page.getByRole('link', { name: `Planera ${COHORT}: träffar, analysomgångar och deltagare` }).click();
  await expect(page).toHaveURL(/\/cohorts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: COHORT })).toBeVisible();
});

test('in English, and on a phone', async ({ page }) => {
  await openAdmin(page);
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'People and roles', exact: true })).toBeVisible();
  await checkPage(page, 'admin-overview-en');
  await page.getByRole('link', { name: 'STL certifications', exact: true }).click();
  await expect(page.getByTestId('attention').filter({ hasText: 'Karin Sjö' })).toContainText(
    /Expired \d+ days ago/,
  );
  await checkPage(page, 'admin-certifications-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'STL-certifieringar' })).toBeVisible();

  await page.setViewportSize({ width: 375, height: 812 });
  for (const [path, heading, name] of [
    ['/admin', 'Administration', 'admin-mobile-overview'],
    ['/admin/people', 'Personer och roller', 'admin-mobile-people'],
    ['/admin/certifications', 'STL-certifieringar', 'admin-mobile-certifications'],
    ['/admin/cohorts', 'Utbildningsomgångar', 'admin-mobile-cohorts'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await checkPage(page, name);
    await expectNoSidewaysScroll(page);
  }
});

test('a teacher who opens /admin is told plainly that it is not for them', async ({ page }) => {
  await signInAsDemo(page, 'Sara Lindqvist');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await expect(
    page.getByText('Administrationen är bara till för huvudmannens administratörer.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tillbaka till startsidan' })).toBeVisible();
  await checkPage(page, 'admin-not-allowed');
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
});

test('an administrator at an address under /admin that does not exist is told so', async ({ page }) => {
  await openAdmin(page);
  await page.goto('/admin/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tillbaka till administrationen' })).toBeVisible();
  await checkPage(page, 'admin-not-found');
});
