import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { linkIn, waitForMail } from './support/mail';

/**
 * Mailed single-use links (ADR 0013), as people meet them: the administrator adds a teacher and
 * invites her from the people list; the invitation arrives; she chooses a password and is signed
 * in; later she forgets it, resets it through the mailed link, and the old link no longer works.
 * Uses a person of her own, since all specs share one database.
 */
test.describe.configure({ mode: 'serial' });

const NAME = 'Tova Träd';
const EMAIL = 'tova.trad@larkby.example';
const FIRST = 'björkar och lönnar i oktober';
const SECOND = 'en ny vår med hägg och syren';

async function choosePassword(page: Page, password: string, button: string): Promise<void> {
  await page.getByLabel('Nytt lösenord').fill('kort');
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Det gick inte' })).toContainText(
    'Lösenordet måste ha minst 12 tecken.',
  );
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Tova!' })).toBeVisible();
}

test('an administrator invites a new teacher, who accepts and is signed in', async ({ page, browser }) => {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin/people/new');
  await page.getByLabel('Namn').fill(NAME);
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByRole('checkbox', { name: 'Lärare' }).check();
  await page.getByRole('button', { name: 'Lägg till personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

  await page.goto('/admin/people');
  await page.getByLabel('Namn eller e-postadress').fill('Tova');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await page.getByRole('button', { name: `Bjud in ${NAME}` }).click();
  await expect(page.getByTestId('invite-notice')).toContainText(`En inbjudan har skickats till ${NAME}.`);
  await expect(page.getByTestId('invitation-cell')).toContainText('Skickad');
  await checkPage(page, 'accounts-people-invited');
  await page.getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('person-invitation')).toContainText('Skickad');
  await checkPage(page, 'accounts-person-invited');
  await page.goto('/admin/people');
  await page.getByLabel('Namn eller e-postadress').fill('Tova');
  await page.getByLabel('Inbjudan').selectOption('NOT_ACCEPTED');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await signOut(page);

  const mail = await waitForMail(EMAIL, /^Du är inbjuden till STL-plattformen i Lärkby kommun$/);
  const link = await linkIn(mail.id, '/invitation');
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(link);
  await expect(invited.getByTestId('invitation-greeting')).toContainText('Hej Tova!');
  await expect(invited).not.toHaveURL(/#/);
  await checkPage(invited, 'accounts-invitation');
  await choosePassword(invited, FIRST, 'Spara lösenordet och logga in');
  await context.close();
});

test('she forgets the password, resets it through the mailed link, and the old link is refused', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.getByTestId('link-sent')).toContainText(`Om det finns ett konto med adressen ${EMAIL}`);
  await checkPage(page, 'accounts-forgot-password');

  const mail = await waitForMail(EMAIL, /^Välj ett nytt lösenord till STL-plattformen$/);
  const link = await linkIn(mail.id, '/reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
  await checkPage(page, 'accounts-reset');
  await choosePassword(page, SECOND, 'Spara och logga in');
  await signOut(page);

  await page.goto(link);
  await page.getByLabel('Nytt lösenord').fill('ännu ett lösenord som är långt');
  await page.getByRole('button', { name: 'Spara och logga in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Det gick inte' })).toContainText(
    'Länken har redan använts.',
  );
  await expect(page.getByRole('link', { name: 'Be om en ny länk' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByLabel('Lösenord', { exact: true }).fill(SECOND);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Tova!' })).toBeVisible();
});
