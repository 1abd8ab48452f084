import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signOut } from './support/checks';

/**
 * Changing one's own password (ADR 0010): the rule shown while typing and on submit, a wrong
 * current password refused, then a real change and signing in with the new password. Uses Mats
 * Tallman, whom no other spec signs in as, since all specs share one database.
 */
test.describe.configure({ mode: 'serial' });

const EMAIL = 'rektor.tallasen@larkby.example';
const OLD = 'stl-demo-2026';
const NEW = 'granar vid Tallåsen i snö';

async function signIn(page: Page, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Mats!' })).toBeVisible();
}

test('a school leader changes their password in settings and signs in with the new one', async ({ page }) => {
  await signIn(page, OLD);
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  await page.getByRole('link', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Byt lösenord' })).toBeVisible();
  await checkPage(page, 'settings-password');

  const current = page.getByLabel('Nuvarande lösenord');
  const next = page.getByLabel('Nytt lösenord');

  // Counted as typed; the shared rule's problems shown before anything is sent.
  await next.fill('kort');
  await expect(page.getByTestId('new-password-count')).toHaveText('4 tecken, minst 12 behövs.');
  await current.fill(OLD);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Lösenordet kunde inte bytas' });
  await expect(summary).toContainText('Lösenordet måste ha minst 12 tecken.');
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(next).toHaveAccessibleDescription(/Lösenordet måste ha minst 12 tecken\./);
  await checkPage(page, 'settings-password-errors');

  await next.fill('Mats tallman är bäst');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(summary).toContainText('Lösenordet får inte innehålla ditt namn eller din e-postadress.');

  await next.fill('1qaz2wsx3edc');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(summary).toContainText('Det lösenordet är vanligt');

  // A wrong current password: the API's problem beside that field.
  await next.fill(NEW);
  await expect(page.getByTestId('new-password-count')).toHaveText('25 tecken. Längden räcker.');
  await current.fill('not my password');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(summary).toContainText('Det nuvarande lösenordet stämmer inte.');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/Det nuvarande lösenordet stämmer inte\./);

  // The change itself.
  await current.fill(OLD);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByTestId('password-changed')).toHaveText(/Ditt lösenord är bytt\./);
  await checkPage(page, 'settings-password-changed');

  // In English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await expect(page.getByTestId('new-password-count')).toHaveText('5 characters, at least 12 needed.');
  await checkPage(page, 'settings-password-en');
  await page.getByTestId('language-switch').click();
  await signOut(page);

  // The old password no longer works; the new one does.
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByLabel('Lösenord', { exact: true }).fill(OLD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByText(/E-postadressen och lösenordet stämmer inte/)).toBeVisible();
  await signIn(page, NEW);
  await signOut(page);
});
