import { expect, test } from './support/test';
import type { Browser, Page } from '@playwright/test';
import { checkPage, signOut } from './support/checks';

/**
 * My sessions (ADR 0004, amendment 2026-12): one person (Leila Rahimi, whom no other spec uses),
 * signed in in two browsers, lists their sessions in one and signs the other out; the other is sent
 * to sign in with a plain sentence.
 */
const PASSWORD = 'stl-demo-2026';
const EMAIL = 'leila.rahimi@larkby.example';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Leila!' })).toBeVisible();
}

/** A second browser, looking like Firefox on Windows so the list tells the two apart. */
async function otherBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    userAgent: FIREFOX_WINDOWS,
  });
  return context.newPage();
}

test('a person sees where they are signed in and signs another browser out', async ({ page, browser }) => {
  await signIn(page);
  const other = await otherBrowser(browser);
  await signIn(other);

  // From the e-mail settings to my sessions.
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  await page.getByRole('link', { name: /^Mina inloggningar/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina inloggningar' })).toBeVisible();
  const sessions = page.getByTestId('session');
  await expect(sessions.filter({ hasText: 'Den här enheten' })).toHaveCount(1);
  const firefox = sessions.filter({ hasText: 'Firefox på Windows' });
  await expect(firefox).toHaveCount(1);
  await expect(firefox).not.toContainText('Den här enheten');
  await checkPage(page, 'settings-sessions');

  // Signed out from here, with the keyboard; focus lands on the list, the change is announced.
  await firefox.getByRole('button', { name: /^Logga ut Firefox på Windows, inloggad / }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sessions-status')).toHaveText('Inloggningen är avslutad.');
  await expect(page.getByRole('heading', { level: 2, name: 'Inloggad på' })).toBeFocused();
  await expect(sessions.filter({ hasText: 'Firefox på Windows' })).toHaveCount(0);

  // The other browser's next request is refused: off to sign in, with a plain sentence why.
  await other.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fnotifications&reason=session-ended$/);
  await expect(other.getByTestId('session-ended')).toContainText('Du har blivit utloggad');
  await checkPage(other, 'sign-in-session-ended');
  // Signing in again brings them back where they were going.
  await other.getByLabel('E-postadress').fill(EMAIL);
  await other.getByLabel('Lösenord').fill(PASSWORD);
  await other.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'E-postinställningar' })).toBeVisible();

  // All other sessions at once; this one stays.
  await page.reload();
  await expect(sessions.filter({ hasText: 'Firefox på Windows' })).toHaveCount(1);
  await page.getByTestId('end-all-others').click();
  await expect(page.getByTestId('sessions-status')).toContainText('Andra inloggningar som avslutades:');
  await expect(page.getByText('Du är bara inloggad här.')).toBeVisible();
  await expect(sessions).toHaveCount(1);

  // In English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'My sessions' })).toBeVisible();
  await expect(sessions.first()).toContainText('This device');
  await checkPage(page, 'settings-sessions-en');
  await page.getByTestId('language-switch').click();
  await signOut(page);
  await other.context().close();
});
