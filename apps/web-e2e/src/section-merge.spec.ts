import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage } from './support/checks';
import { fillSection } from './support/editor';

/**
 * One analysis edited in two tabs (issue 18, ADR 0025): edits to different sections are merged
 * without a question, each tab taking in the other's sections; only a section changed in both tabs
 * asks, showing both texts side by side, and the text not chosen stays reachable under "Bortvalda
 * texter" in that browser and, from any browser, in the server's version history (ADR 0028), from
 * where it can be restored. Uses round 2 of the demo cohort and a participant no other spec uses
 * (Elin Andersson).
 */
const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND_ID = '00000000-0000-4000-8007-000000000002';
const EDITOR = `/cohorts/${COHORT_ID}/rounds/${ROUND_ID}/analysis`;

const GOALS = 'Eleverna i 4A skulle ge varandra respons på berättelsernas början.';
const OUTCOME = 'Responsen blev konkret när eleverna hade en checklista att utgå från.';
const PLAN_FIRST = 'Planen skriven i den första fliken: respons i par med två stjärnor och en önskan.';
const PLAN_SECOND = 'Planen skriven i den andra fliken: helklassgenomgång och sedan respons i par.';

async function signIn(page: Page): Promise<void> {
  // Elin is not offered as a demo account: she signs in with e-mail and password.
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill('elin.andersson@larkby.example');
  await page.getByLabel('Lösenord').fill('stl-demo-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Elin!' })).toBeVisible();
}

async function openEditor(page: Page): Promise<void> {
  await page.goto(EDITOR);
  // Up to four tabs in two browsers load the editor route: on a busy machine that takes a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Analys 2/ })).toBeVisible({ timeout: 30_000 });
}

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat/);
}

test('two tabs: different sections merge without asking, the same section asks side by side', async ({
  page,
  context,
  browser,
}) => {
  // Two browser contexts, four tabs and five axe checks: more than the default time on a busy machine.
  test.slow();
  await signIn(page);

  const first = page;
  const second = await context.newPage();
  await openEditor(first);
  await openEditor(second);

  // Section 1 in the first tab, section 3 in the second: both kept, no dialog in either tab.
  await fillSection(first, 'goals', GOALS);
  await waitForSaved(first);
  await fillSection(second, 'outcome', OUTCOME);
  await waitForSaved(second);
  await expect(second.getByTestId('conflict')).toHaveCount(0);
  await expect(second.locator('#section-goals')).toHaveText(GOALS);
  await expect(second.getByTestId('merged-in')).toContainText('1. Mål för eleverna');

  // The first tab saves again on its older revision: section 3 comes in, still no dialog.
  await fillSection(first, 'plan', PLAN_FIRST);
  await waitForSaved(first);
  await expect(first.getByTestId('conflict')).toHaveCount(0);
  await expect(first.locator('#section-outcome')).toHaveText(OUTCOME);
  await expect(first.locator('#section-goals')).toHaveText(GOALS);

  // A fresh view of the draft has all three edits.
  const third = await context.newPage();
  await openEditor(third);
  await expect(third.locator('#section-goals')).toHaveText(GOALS);
  await expect(third.locator('#section-plan')).toHaveText(PLAN_FIRST);
  await expect(third.locator('#section-outcome')).toHaveText(OUTCOME);
  await third.close();

  // Section 2 in the second tab too: now it asks, with both texts side by side, for that section only.
  await fillSection(second, 'plan', PLAN_SECOND);
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(second.getByTestId('autosave')).toHaveText(/Inte sparat – ändrad på annat ställe/);
  const section = conflict.getByRole('group', { name: '2. Planering och genomförande' });
  await expect(conflict.getByTestId('conflict-section')).toHaveCount(1);
  await expect(section.getByTestId('conflict-mine')).toHaveText(PLAN_SECOND);
  await expect(section.getByTestId('conflict-theirs')).toHaveText(PLAN_FIRST);
  await checkPage(second, 'editor-section-conflict');

  // Use the other text: the second tab's text is not lost but set aside, readable as plain text.
  await section.getByRole('button', { name: 'Använd den andra texten' }).click();
  await expect(conflict).toHaveCount(0);
  await waitForSaved(second);
  await expect(second.locator('#section-plan')).toHaveText(PLAN_FIRST);
  const setAside = second.getByTestId('set-aside');
  await setAside.getByText('Bortvalda texter (1)').click();
  await expect(setAside.getByTestId('set-aside-text')).toContainText('2. Planering och genomförande');
  await expect(setAside.getByTestId('set-aside-text').locator('pre')).toHaveText(PLAN_SECOND);
  await checkPage(second, 'editor-set-aside');

  // Still there after a reload, and the draft holds all three sections.
  await second.reload();
  await expect(second.locator('#section-goals')).toHaveText(GOALS);
  await expect(second.locator('#section-plan')).toHaveText(PLAN_FIRST);
  await expect(second.locator('#section-outcome')).toHaveText(OUTCOME);
  await second.getByText('Bortvalda texter (1)').click();
  await expect(second.getByTestId('set-aside-text').locator('pre')).toHaveText(PLAN_SECOND);

  // Another browser (a fresh context, nothing in its storage): the text not chosen is in the
  // server's version history, and can be put back into the draft from there.
  const device = await browser.newContext();
  const other = await device.newPage();
  await signIn(other);
  await openEditor(other);
  await expect(other.getByTestId('set-aside')).toHaveCount(0);
  await other.getByRole('button', { name: 'Versionshistorik' }).click();
  const history = other.getByRole('dialog', { name: 'Versionshistorik' });
  await expect(history).toBeVisible();
  const setAsideEntry = history.getByTestId('history-entry').filter({ hasText: 'Bortvald text' });
  await expect(setAsideEntry).toHaveCount(1);
  await expect(setAsideEntry).toContainText(PLAN_SECOND);
  // The first tab's earlier plan, replaced from the second tab, is there too.
  await expect(
    history
      .getByTestId('history-entry')
      .filter({ hasText: 'Utkast ersatt från en annan flik eller enhet' })
      .first(),
  ).toBeVisible();
  await checkPage(other, 'editor-version-history');
  await setAsideEntry.getByRole('button', { name: /^Visa Bortvald text/ }).click();
  const plan = history.getByRole('region', { name: '2. Planering och genomförande' });
  await expect(plan.getByTestId('history-section-text')).toHaveText(PLAN_SECOND);
  await checkPage(other, 'editor-version-history-open');
  await plan.getByRole('button', { name: 'Återställ avsnittet: 2. Planering och genomförande' }).click();
  await expect(history).toBeHidden();
  await expect(other.locator('#section-plan')).toHaveText(PLAN_SECOND);
  await expect(other.getByTestId('restored-from-history')).toContainText('2. Planering och genomförande');
  await waitForSaved(other);
  // Saved as a normal save: a fresh view of the draft has the restored text, the rest unchanged.
  const check = await device.newPage();
  await openEditor(check);
  await expect(check.locator('#section-plan')).toHaveText(PLAN_SECOND);
  await expect(check.locator('#section-goals')).toHaveText(GOALS);
  await expect(check.locator('#section-outcome')).toHaveText(OUTCOME);
  await device.close();
});
