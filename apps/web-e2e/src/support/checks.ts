import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

const SCREENSHOTS = join(__dirname, '../../../../dist/e2e-screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** WCAG 2.1 A and AA: what the issue asks of every page. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Saves a full-page screenshot as dist/e2e-screenshots/<name>.png and runs axe-core on the page
 * as it is now, expecting no violations at all.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  // Wait for the page's own loading text to be gone, so axe sees the real page.
  await expect(page.getByText(/^(Hämtar|Loading) …$/)).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(violations, `axe-core violations on ${name}`).toEqual([]);
}

/** The demo password is not typed: the sign-in page offers the accounts in two clicks. */
export async function signInAsDemo(page: Page, fullName: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByText(/^Visa demokonton|^Show demo accounts/).click();
  await page.getByRole('button', { name: new RegExp(`^${fullName}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Hej|Hello) / })).toBeVisible();
}

/** For people not offered as demo accounts: e-mail and the demo password on the sign-in page. */
export async function signInWithPassword(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill('stl-demo-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Logga ut|Sign out)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Logga in|Sign in)$/ })).toBeVisible();
}
