import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signOut } from './support/checks';

/**
 * E-mail settings (everyone) and undelivered mail (administrators): what a teacher is offered, a
 * choice saved at once and kept, the daily digest, English; the administrator's dead-letter page.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'stl-demo-2026';

async function signIn(page: Page, email: string, firstName: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${firstName}!` })).toBeVisible();
}

test('a teacher chooses which e-mail to get, and how', async ({ page }) => {
  await signIn(page, 'elin.andersson@larkby.example', 'Elin');
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-postinställningar' })).toBeVisible();
  // A teacher's tasks and reminders; no summaries meant for leaders.
  await expect(page.getByRole('group', { name: 'Uppdrag och återkoppling' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Påminnelser' })).toBeVisible();
  await expect(page.getByText('Veckosammanfattning')).toHaveCount(0);
  const overdue = page.getByRole('checkbox', { name: /^Försenad analys/ });
  await expect(overdue).toBeChecked();
  await expect(page.getByRole('radio', { name: /^Ett mejl för varje sak/ })).toBeChecked();
  await checkPage(page, 'settings-notifications');

  // Turned off, saved at once, kept.
  await overdue.uncheck();
  await expect(page.getByTestId('save-state')).toHaveText(/Sparat\./);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^Försenad analys/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Träff i morgon/ })).toBeChecked();

  // One daily digest instead.
  await page.getByRole('radio', { name: /^En daglig sammanfattning/ }).check();
  await expect(page.getByTestId('save-state')).toHaveText(/Sparat\./);
  await expect(page.getByText('Kommer i den dagliga sammanfattningen.').first()).toBeVisible();
  await checkPage(page, 'settings-notifications-digest');
  await page.reload();
  await expect(page.getByRole('radio', { name: /^En daglig sammanfattning/ })).toBeChecked();

  // In English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-mail settings' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Overdue analysis/ })).not.toBeChecked();
  await checkPage(page, 'settings-notifications-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-postinställningar' })).toBeVisible();
  await signOut(page);
});

test('a school leader is offered only the report on their school', async ({ page }) => {
  await signIn(page, 'rektor.norrang@larkby.example', 'Annika');
  await page.goto('/settings/notifications');
  await expect(page.getByRole('checkbox')).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: /^Lägesrapport för din skola/ })).toBeChecked();
  await checkPage(page, 'settings-notifications-school-leader');
});

test('an administrator sees mail that could not be delivered', async ({ page }) => {
  await signIn(page, 'admin@larkby.example', 'Åsa');
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await page.locator('#main').getByRole('link', { name: 'E-post som inte kom fram' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-post som inte kom fram' })).toBeVisible();
  // The test platform's mail catcher accepts every address: nothing failed.
  await expect(page.getByTestId('no-failed-mail')).toBeVisible();
  await checkPage(page, 'admin-failed-mail');
});
