import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { fillSection } from './support/editor';

/**
 * The course as its people use it, on one platform and database, in order: a participant writes
 * and publishes an analysis (through autosave, a publish refused for missing parts and an edit
 * conflict from a second device), a participant of another school reads it, the course leader
 * follows the cohort, and a school leader sees progress without any analysis text.
 */
test.describe.configure({ mode: 'serial' });

const COHORT = 'STL Lärkby 2026/27';
const TEXT: Record<string, string> = {
  goals: 'Eleverna i 3B skulle skriva faktatexter om rymden med inledning, fakta och avslutning.',
  plan: 'Eleverna skrev i par på dator med talsyntes och gav respons med två stjärnor och en önskan.',
  outcome: 'De flesta paren kom i gång snabbt.\n\nNågra behövde stöd att formulera respons.',
  evidence: 'Texterna blev längre och fler använde sambandsord. Exemplen är anonymiserade.',
  effect: 'Talsyntesen hjälpte eleverna att själva hitta ord som saknades.',
  next: 'Nästa gång modellerar jag responsen i helklass innan eleverna arbetar i par.',
};
const OTHER_DEVICE_GOALS = 'Skrivet på en annan enhet: målen formulerade på ett annat sätt.';

let editorPath = '';
let roundNumber = '';

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);
}

test('a participant writes an analysis, survives an edit conflict and publishes it', async ({
  page,
  browser,
}) => {
  await signInAsDemo(page, 'Sara Lindqvist');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sara!' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Skriv analys \d$/ }).first()).toBeVisible();
  await expect(page.getByText('Nästa träff:')).toBeVisible();
  await checkPage(page, 'participant-home');

  // English, and back to Swedish; the choice is kept.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Sara!' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'To do' })).toBeVisible();
  await checkPage(page, 'participant-home-en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Sara!' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sara!' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  // The cohort: meetings and rounds.
  await page.getByRole('link', { name: COHORT }).click();
  await expect(page.getByRole('heading', { level: 1, name: COHORT })).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveCount(8);
  await expect(page.getByTestId('round')).toHaveCount(6);
  await expect(page.getByText(/onsdag 11 nov\. 2026 kl\. 13\.00/)).toBeVisible();
  await checkPage(page, 'participant-cohort');

  // The newest open round.
  const write = page.getByRole('link', { name: /^Skriv analys \d$/ }).last();
  roundNumber = ((await write.textContent()) ?? '').trim().replace('Skriv analys ', '');
  await write.click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^Analys ${roundNumber}`) }),
  ).toBeVisible();
  editorPath = new URL(page.url()).pathname;
  await checkPage(page, 'editor-empty');

  // Five of six sections, autosaved as we type.
  for (const key of ['goals', 'plan', 'outcome', 'evidence', 'effect']) {
    await fillSection(page, key, TEXT[key]);
  }
  await waitForSaved(page);

  // Publishing with a section empty and without the privacy confirmation: errors beside each.
  await page.getByRole('button', { name: 'Publicera analysen' }).click();
  await expect(page.locator('#error-next')).toHaveText(/Fyll i avsnittet ”Nästa steg” innan du publicerar\./);
  await expect(page.locator('#confirm-error')).toHaveText(/Kryssa i att ingen elev kan identifieras/);
  await expect(page.locator('#section-next')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Rätta följande' })).toBeFocused();
  await checkPage(page, 'editor-publish-errors');

  await fillSection(page, 'next', TEXT['next']);
  await expect(page.locator('#error-next')).toHaveCount(0);
  await waitForSaved(page);

  // The same draft changed on another device meanwhile.
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signInAsDemo(other, 'Sara Lindqvist');
  await other.goto(editorPath);
  await expect(other.locator('#section-goals')).toHaveText(TEXT['goals']);
  await fillSection(other, 'goals', OTHER_DEVICE_GOALS);
  await waitForSaved(other);

  // The same section typed on here: nothing is overwritten, both texts are shown for that section.
  await fillSection(page, 'goals', `${TEXT['goals']} Tillägg.`);
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(page.getByTestId('autosave')).toHaveText(/Inte sparat – ändrad på annat ställe/);
  await expect(conflict.getByTestId('conflict-theirs').first()).toHaveText(OTHER_DEVICE_GOALS);
  await expect(conflict.getByTestId('conflict-mine').first()).toHaveText(`${TEXT['goals']} Tillägg.`);
  await checkPage(page, 'editor-conflict');

  // Keep mine: saved on top of the newer revision.
  await page.getByRole('button', { name: 'Behåll min text' }).click();
  await expect(conflict).toHaveCount(0);
  await waitForSaved(page);
  await other.reload();
  await expect(other.locator('#section-goals')).toHaveText(`${TEXT['goals']} Tillägg.`);
  await expect(other.locator('#section-plan')).toHaveText(TEXT['plan']);
  await otherDevice.close();

  // Publish, confirming that no pupil can be identified.
  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: 'Publicera analysen' }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad (version 1).');
  await expect(page.getByText('Publicerad, version 1')).toBeVisible();
  await checkPage(page, 'editor-published');
  await signOut(page);
});

test('a participant from another school reads it in the shared space', async ({ page }) => {
  await signInAsDemo(page, 'Ingrid Svensson');
  await page.getByRole('link', { name: COHORT }).click();
  await page.getByRole('link', { name: 'Gå till det delade rummet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Det delade rummet' })).toBeVisible();
  const item = page.getByRole('link', { name: `Sara Lindqvist – analys ${roundNumber}` });
  await expect(item).toBeVisible();
  await checkPage(page, 'shared-space');
  await item.click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Sara Lindqvist – analys ${roundNumber}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. Mål för eleverna' })).toBeVisible();
  await expect(page.getByText(TEXT['goals'])).toBeVisible();
  await expect(page.getByText('Några behövde stöd att formulera respons.')).toBeVisible();
  await checkPage(page, 'analysis-read');
  await signOut(page);
});

test('the course leader sees the cohort overview and the published analyses', async ({ page }) => {
  await signInAsDemo(page, 'Maria Berg');
  await expect(page.getByRole('heading', { name: 'Uppföljning' })).toBeVisible();
  await expect(page.getByText('Deltagare: 24.')).toBeVisible();
  await checkPage(page, 'leader-home');
  await page.getByRole('link', { name: COHORT }).click();
  await expect(page.getByRole('heading', { level: 1, name: COHORT })).toBeVisible();
  await expect(page.getByText('Du är kursledare i den här utbildningsomgången.')).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveCount(8);
  await expect(page.getByTestId('round')).toHaveCount(6);
  await checkPage(page, 'leader-cohort');
  await page.getByRole('link', { name: `Läs publicerade analyser i omgång ${roundNumber}` }).click();
  await expect(page.getByRole('link', { name: `Sara Lindqvist – analys ${roundNumber}` })).toBeVisible();
  await expect(page.getByText('Publicerade analyser: 1')).toBeVisible();
  await checkPage(page, 'leader-shared-space');
  await signOut(page);
});

test('a school leader follows progress but never sees analysis text', async ({ page }) => {
  await signInAsDemo(page, 'Birgitta Ekman');
  await expect(page.getByRole('heading', { name: 'Uppföljning' })).toBeVisible();
  await expect(page.getByText('Lärare från din skola i utbildningen: 6.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('faktatexter om rymden');
  await checkPage(page, 'school-leader-home');

  await page.getByRole('link', { name: COHORT }).click();
  await expect(page.getByRole('heading', { level: 1, name: COHORT })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå till det delade rummet' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('faktatexter om rymden');
  await checkPage(page, 'school-leader-cohort');

  // Even by address, the shared space says no in a plain sentence.
  await page.goto(`${new URL(page.url()).pathname}/shared`);
  await expect(page.getByRole('alert')).toHaveText(/Du har inte behörighet/);
  await expect(page.locator('body')).not.toContainText('FORBIDDEN');
  await expect(page.locator('body')).not.toContainText('faktatexter om rymden');
  await checkPage(page, 'school-leader-shared-refused');
  await signOut(page);
});
