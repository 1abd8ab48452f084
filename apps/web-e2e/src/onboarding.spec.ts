import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signOut } from './support/checks';
import { linkIn, waitForMail } from './support/mail';

/**
 * Onboarding an organisation (issue 9, ADR 0015), as the people do it: the platform operator
 * creates an organisation and invites its administrator; the invitation arrives; the administrator
 * chooses a password, adds a school and imports 30 staff from a CSV file with two bad rows (refused
 * with reasons, nothing applied), fixes them and applies; a teacher accepts her invitation and
 * signs in; later she forgets her password, resets it through the mailed link, and the old link no
 * longer works.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'stl-demo-2026';
const ORGANISATION = 'Östby kommun';
const ADMIN = { name: 'Olle Öst', email: 'olle.ost@ostby.example', password: 'granar på en höjd i norr' };
const SCHOOL = 'Östbyskolan';

/** 30 staff as Swedish Excel saves them ("CSV UTF-8": BOM, semicolons); `bad` spoils two rows. */
function staffCsv(bad: boolean): Buffer {
  const rows = [['Namn', 'E-post', 'Skola', 'Roller']];
  for (let i = 1; i <= 29; i++) rows.push([`Lärare ${i}`, `larare${i}@ostby.example`, SCHOOL, 'Lärare']);
  rows.push(['Rut Rektor', 'rut.rektor@ostby.example', SCHOOL, 'Rektor, Lärare']);
  if (bad) {
    rows[5][1] = 'larare5.ostby.example';
    rows[12][2] = 'Västbyskolan';
  }
  return Buffer.from('\uFEFF' + rows.map((r) => r.join(';')).join('\r\n'), 'utf8');
}

async function signIn(page: Page, email: string, password: string, heading: RegExp): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('the operator creates an organisation and invites its administrator', async ({ page }) => {
  await signIn(page, 'drift@stl.example', PASSWORD, /^Organisationer$/);
  // Operators see the organisations only: no course pages in the menu.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Organisationer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Inställningar', exact: true })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^Organisationer \(1\)/ })).toContainText('Lärkby kommun');

  await page.getByRole('button', { name: 'Skapa och bjud in' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv ett namn.');
  await page.getByLabel('Organisationens namn').fill(ORGANISATION);
  await page.getByLabel('Administratörens namn').fill(ADMIN.name);
  await page.getByLabel('Administratörens e-postadress').fill(ADMIN.email);
  await page.getByRole('button', { name: 'Skapa och bjud in' }).click();
  await expect(page.getByTestId('created')).toContainText(
    `${ORGANISATION} är skapad. En inbjudan har skickats till ${ADMIN.email}.`,
  );
  await checkPage(page, 'onboarding-organisations');
  await page.getByRole('link', { name: ORGANISATION }).click();
  await expect(page.getByRole('heading', { level: 1, name: ORGANISATION })).toBeVisible();
  await expect(page.getByTestId('administrator-row')).toContainText('Inbjuden');
  await checkPage(page, 'onboarding-organisation');

  // Course pages are not theirs.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Administration');
  await signOut(page);
});

test('the administrator accepts, adds a school and imports the staff all or nothing', async ({ page }) => {
  const mail = await waitForMail(ADMIN.email, /Östby kommun/);
  await page.goto(await linkIn(mail.id, '/invitation'));
  await page.getByLabel('Nytt lösenord').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Olle!' })).toBeVisible();

  await page.goto('/admin/schools');
  await page.getByLabel('Skolans namn').fill(SCHOOL);
  await page.getByRole('button', { name: 'Lägg till skolan' }).click();
  await expect(page.getByTestId('saved')).toContainText(`${SCHOOL} är tillagd.`);

  await page.goto('/admin');
  await page.getByRole('link', { name: 'Importera personal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera personal' })).toBeVisible();
  const file = page.getByLabel('Fil med personal');
  await file.setInputFiles({ name: 'personal.csv', mimeType: 'text/csv', buffer: staffCsv(true) });
  await expect(page.getByTestId('import-counts')).toHaveText(
    'Nya: 28. Uppdateras: 0. Oförändrade: 0. Med fel: 2.',
  );
  const errors = page.locator('[data-testid="import-row"][data-outcome="ERROR"]');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText('E-post: ogiltig e-postadress');
  await expect(errors.nth(1)).toContainText('Skola: ingen skola i organisationen heter så');
  await expect(page.getByTestId('apply-import')).toBeDisabled();
  await checkPage(page, 'onboarding-import-errors');

  await file.setInputFiles({ name: 'personal-rattad.csv', mimeType: 'text/csv', buffer: staffCsv(false) });
  await expect(page.getByTestId('import-counts')).toHaveText(
    'Nya: 30. Uppdateras: 0. Oförändrade: 0. Med fel: 0.',
  );
  await page.getByTestId('apply-import').click();
  await expect(page.getByTestId('import-result')).toHaveText(
    'Klart: 30 nya, 0 uppdaterade, 0 oförändrade. Inbjudningar skickade: 30.',
  );

  // The same file again changes nothing.
  await file.setInputFiles({ name: 'personal-rattad.csv', mimeType: 'text/csv', buffer: staffCsv(false) });
  await expect(page.getByTestId('import-counts')).toHaveText(
    'Nya: 0. Uppdateras: 0. Oförändrade: 30. Med fel: 0.',
  );
  await expect(page.getByTestId('apply-import')).toBeDisabled();
  await signOut(page);
});

test('an imported teacher accepts her invitation and is signed in', async ({ page }) => {
  const mail = await waitForMail('larare7@ostby.example', /Östby kommun/);
  await page.goto(await linkIn(mail.id, '/invitation'));
  await page.getByLabel('Nytt lösenord').fill('sju sorters blommor i juni');
  await page.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Lärare!' })).toBeVisible();
});

test('the teacher forgets her password, resets it through the mailed link; the old link is refused', async ({
  page,
}) => {
  const teacher = 'larare7@ostby.example';
  const renewed = 'åtta sorters blommor i juli';
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await page.getByLabel('E-postadress').fill(teacher);
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.getByTestId('link-sent')).toContainText(`Om det finns ett konto med adressen ${teacher}`);

  const mail = await waitForMail(teacher, /^Välj ett nytt lösenord till STL-plattformen$/);
  const link = await linkIn(mail.id, '/reset-password');
  await page.goto(link);
  await page.getByLabel('Nytt lösenord').fill(renewed);
  await page.getByRole('button', { name: 'Spara och logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Lärare!' })).toBeVisible();
  await signOut(page);

  // The link worked once; the old password no longer does, the new one does.
  await page.goto(link);
  await page.getByLabel('Nytt lösenord').fill('ännu ett lösenord som är långt');
  await page.getByRole('button', { name: 'Spara och logga in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Det gick inte' })).toContainText(
    'Länken har redan använts.',
  );
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(teacher);
  await page.getByLabel('Lösenord', { exact: true }).fill('sju sorters blommor i juni');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, teacher, renewed, /^Hej Lärare!/);
});
