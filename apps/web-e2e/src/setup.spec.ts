import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * A certified course leader sets up a cohort of their own from nothing, through the UI: name and
 * dates (with a refusal that keeps what was typed), eight meetings, six rounds derived from them,
 * participants chosen by school and imported from a CSV list with a preview, the readiness
 * checklist and opening. Creates its own cohort with a unique name and enrols only teachers of
 * Tallåsens skola, so other specs are not affected. Its meetings are next school year, so their
 * attendance cannot be recorded yet: the page says so. Attendance is then recorded where a meeting
 * has been held, at meeting 1 of the seeded cohort, which he co-leads (no later spec reads it).
 */
test.describe.configure({ mode: 'serial' });

const LEADER = 'Johan Ek';
const NAME = `STL Tallåsen 2027/28 (${Date.now().toString(36)})`;
const DOMAIN = 'larkby.example';
/** The demo's own cohort, which Johan Ek co-leads; its first meeting was held on 2 September 2026. */
const SEEDED = 'STL Lärkby 2026/27';
const SEEDED_MEETING_1 = 'Uppstart: STL-modellen och analysmallen';

const MEETINGS = [
  'Uppstart: vad är STL?',
  'Skriva på dator i par',
  'Talsyntes och respons',
  'Digitalt: formativ bedömning',
  'Kritiska vänner',
  'Elevtexter och bedömning',
  'Språkutvecklande arbetssätt',
  'Uppföljning och vägen vidare',
];

async function addMeeting(page: Page, index: number): Promise<void> {
  await page.getByLabel('Rubrik').fill(MEETINGS[index]);
  await page.getByRole('button', { name: 'Lägg till träffen' }).click();
  await expect(page.getByText('Träffen är tillagd.')).toBeVisible();
  await expect(page.getByTestId('setup-meeting')).toHaveCount(index + 1);
}

test('a course leader plans a cohort, enrols participants, opens it and records attendance where it is due', async ({
  page,
}) => {
  // One long journey through five steps and two more pages, each checked by axe.
  test.setTimeout(300_000);
  await signInAsDemo(page, LEADER);

  // My cohorts.
  await page.goto('/cohorts');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina utbildningsomgångar' })).toBeVisible();
  await expect(page.getByRole('link', { name: SEEDED, exact: true })).toBeVisible();
  await checkPage(page, 'setup-list');

  // A new cohort: nothing filled in, then dates outside the school year (refused by the API).
  await page.getByRole('button', { name: 'Ny utbildningsomgång' }).click();
  await expect(page.getByLabel('Läsår')).toHaveValue('2027/28');
  await checkPage(page, 'setup-new');
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Rätta följande' });
  await expect(summary).toContainText('Fyll i det här fältet.');
  await expect(summary).toBeFocused();
  await checkPage(page, 'setup-new-errors');
  await page.getByLabel('Namn', { exact: true }).fill(NAME);
  await page.getByLabel('Sista dag').fill('2028-07-14');
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(summary).toContainText('Datumen ska ligga inom läsåret');
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(NAME);
  await page.getByLabel('Sista dag').fill('2028-06-09');
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Planera ${NAME}` })).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts\/[^/]+\/setup\/settings$/);
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(NAME);
  await checkPage(page, 'setup-settings');

  // Opening too early: every problem as a sentence.
  await page.getByRole('link', { name: '5. Öppna' }).click();
  await page.getByRole('button', { name: 'Öppna utbildningsomgången' }).click();
  const notReady = page.getByRole('alert').filter({ hasText: 'kan inte öppnas ännu' });
  await expect(notReady).toContainText('Det finns 0 träffar, men det behövs minst 8.');
  await expect(notReady).toContainText('Det finns 0 analysomgångar, men det behövs minst 6.');
  await checkPage(page, 'setup-open-not-ready');

  // Eight meetings: the first in full, a mistake, then the rest from the suggested dates.
  await page.getByRole('link', { name: /^2\. Träffar/ }).click();
  await expect(page.getByRole('heading', { name: 'Träffar (0 av minst 8)' })).toBeVisible();
  await checkPage(page, 'setup-meetings-empty');
  await page.getByLabel('Datum').fill('2027-09-08');
  await page.getByLabel('Börjar kl.').fill('13:00');
  await page.getByLabel('Slutar kl.').fill('16:00');
  await page.getByLabel('Plats').fill('Tallåsens skola, aulan');
  await page.getByLabel('Tema (valfritt)').fill('STL-modellens moment');
  await page.getByLabel('Förberedelser (valfritt)').fill('Läs kapitel 1 i kursboken.');
  await page
    .getByLabel('Diskussionsfrågor (valfritt)')
    .fill('Hur skriver dina elever i dag?\nVad vill du pröva?');
  await page.getByRole('button', { name: 'Lägg till träffen' }).click();
  await expect(page.locator('#meeting-title-error')).toHaveText('Fyll i det här fältet.');
  await expect(page.getByLabel('Plats')).toHaveValue('Tallåsens skola, aulan');
  await checkPage(page, 'setup-meetings-errors');
  await addMeeting(page, 0);
  await expect(page.getByText('onsdag 8 sep. 2027 kl. 13.00–16.00 (v. 36)')).toBeVisible();
  await expect(page.getByLabel('Datum')).toHaveValue('2027-10-06');
  await addMeeting(page, 1);
  await addMeeting(page, 2);
  // The fourth is digital.
  await page.getByLabel('Digital träff').check();
  await page.getByLabel('Länk till det digitala mötet').fill('https://meet.larkby.example/stl');
  await addMeeting(page, 3);
  // After the winter break, physical again.
  await page.getByLabel('Fysisk träff').check();
  await page.getByLabel('Datum').fill('2028-01-12');
  await page.getByLabel('Plats').fill('Tallåsens skola, aulan');
  await page.getByLabel('Länk till ett digitalt möte (valfritt)').fill('');
  await addMeeting(page, 4);
  await addMeeting(page, 5);
  await addMeeting(page, 6);
  await addMeeting(page, 7);
  await expect(page.getByRole('heading', { name: 'Träffar (8 av minst 8)' })).toBeVisible();
  // Change one.
  await page.getByRole('button', { name: 'Ändra träff 2' }).click();
  await expect(page.getByLabel('Rubrik')).toHaveValue(MEETINGS[1]);
  await page.getByLabel('Tema (valfritt)').fill('Att skriva tillsammans');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Träffen är ändrad.')).toBeVisible();
  await checkPage(page, 'setup-meetings');

  // Six rounds, derived from the meetings, previewed, then saved.
  await page.getByRole('link', { name: /^3\. Analysomgångar/ }).click();
  await expect(page.getByRole('heading', { name: 'Analysomgångar (0 av minst 6)' })).toBeVisible();
  await page.getByRole('button', { name: 'Föreslå datum utifrån träffarna' }).click();
  const proposal = page.getByTestId('derived-table');
  await expect(proposal.locator('tbody tr')).toHaveCount(6);
  await expect(proposal).toContainText('tisdag 5 okt. 2027 kl. 23.59 (v. 40)');
  await checkPage(page, 'setup-rounds-derived');
  await page.getByRole('button', { name: 'Spara de 6 omgångarna' }).click();
  await expect(page.getByText('6 omgångar är sparade.')).toBeVisible();
  await expect(page.getByTestId('setup-round')).toHaveCount(6);
  await expect(page.getByTestId('setup-round').first()).toContainText('1. Analys 1');
  await expect(page.getByTestId('setup-round').first()).toContainText('Träff 3: Talsyntes och respons');
  await checkPage(page, 'setup-rounds');

  // Participants: two chosen from their school.
  await page.getByRole('link', { name: '4. Deltagare' }).click();
  await expect(page.getByRole('heading', { name: 'Deltagare (0)' })).toBeVisible();
  await page.getByLabel('Skola', { exact: true }).selectOption({ label: 'Tallåsens skola' });
  await expect(page.getByText('Lärare som inte är inskrivna (6)')).toBeVisible();
  await checkPage(page, 'setup-participants-empty');
  await page.getByRole('checkbox', { name: /^Ulf Sandberg/ }).check();
  await page.getByRole('checkbox', { name: /^Amina Yusuf/ }).check();
  await page.getByRole('button', { name: 'Skriv in valda (2)' }).click();
  await expect(page.getByText('2 lärare är inskrivna.')).toBeVisible();
  await expect(page.getByTestId('participant')).toHaveCount(2);

  // And a class list: preview first, then apply in one call.
  await page
    .getByLabel('Eller klistra in listan')
    .fill(
      [
        'E-post;Namn;Skola',
        `amina.yusuf@${DOMAIN};Amina Yusuf;Tallåsens skola`,
        `klara.dahl@${DOMAIN};Klara Dahl;Tallåsens skola`,
        `viktor.lund@${DOMAIN};Viktor Lund;Tallåsens skola`,
        `ebba.forsberg@${DOMAIN};Ebba Forsberg;Solviksskolan`,
        `okand.larare@${DOMAIN};Okänd Lärare;Tallåsens skola`,
        'inte en adress;Någon;',
        `KLARA.DAHL@${DOMAIN};Klara Dahl;`,
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toContainText('Skrivs in: 3');
  await expect(preview).toContainText('Redan inskrivna: 1');
  await expect(preview).toContainText('Rader som inte kan användas: 3');
  await expect(preview.getByTestId('preview-row')).toHaveCount(7);
  await expect(preview).toContainText('Fel: ingen lärare hos huvudmannen har den adressen');
  await expect(preview).toContainText('Samma adress som rad 3');
  await expect(preview).toContainText('Obs: filen säger skola ”Solviksskolan”.');
  await expect(page.getByTestId('participant')).toHaveCount(2);
  await checkPage(page, 'setup-participants-preview');
  await page.getByRole('button', { name: 'Skriv in 3 lärare' }).click();
  await expect(page.getByTestId('enrol-outcome')).toHaveText('3 lärare är inskrivna. 1 var redan inskrivna.');
  await expect(page.getByTestId('participant')).toHaveCount(5);

  // Same-school support for one, and one withdrawn.
  await page.getByLabel('Kritiska vänner från egen skola för Klara Dahl').check();
  await page.getByRole('button', { name: 'Ta bort Ebba Forsberg ur kursen' }).click();
  await page.getByRole('button', { name: 'Ja, ta bort Ebba Forsberg ur kursen' }).click();
  await expect(page.getByTestId('participant')).toHaveCount(4);
  await expect(page.getByText('Har lämnat utbildningen (1)')).toBeVisible();
  await checkPage(page, 'setup-participants');
  await page.reload();
  await expect(page.getByLabel('Kritiska vänner från egen skola för Klara Dahl')).toBeChecked();

  // Ready: open it.
  await page.getByRole('link', { name: '5. Öppna' }).click();
  await expect(page.getByTestId('readiness')).toContainText('Träffar: 8 av minst 8');
  await expect(page.getByTestId('readiness')).toContainText('Analysomgångar: 6 av minst 6');
  await expect(page.getByTestId('readiness').getByText('Saknas')).toHaveCount(0);
  await checkPage(page, 'setup-open-ready');
  await page.getByRole('button', { name: 'Öppna utbildningsomgången' }).click();
  await expect(page.getByText(`${NAME} är öppen. Deltagarna kan börja.`)).toBeVisible();
  await checkPage(page, 'setup-open-done');

  // The first meeting is next school year: its attendance page says so instead of offering a form.
  await page
    .getByRole('link', { name: `Tillbaka till ${NAME}` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveCount(8);
  await page.getByRole('link', { name: 'Närvaro vid träff 1' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Närvaro: träff 1, ${MEETINGS[0]}` }),
  ).toBeVisible();
  const notStarted = page.getByTestId('attendance-not-started');
  await expect(notStarted).toContainText('Träff 1 har inte börjat ännu (den börjar onsdag 8 sep. 2027');
  await expect(notStarted).toContainText('Närvaron kan registreras när träffen har börjat.');
  await expect(page.getByTestId('attendance-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Spara närvaron' })).toHaveCount(0);
  await checkPage(page, 'setup-attendance-not-started');
  const notStartedUrl = page.url();

  // Attendance at a meeting already held: meeting 1 of the seeded cohort, from its overview.
  await page.goto('/cohorts');
  await page.getByRole('link', { name: SEEDED, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEEDED })).toBeVisible();
  await page.getByRole('link', { name: 'Närvaro vid träff 1' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Närvaro: träff 1, ${SEEDED_MEETING_1}` }),
  ).toBeVisible();
  await expect(page.getByTestId('attendance-row')).toHaveCount(24);
  await checkPage(page, 'setup-attendance');
  await page.getByRole('button', { name: 'Markera alla som närvarande' }).click();
  await page.getByRole('radiogroup', { name: 'Viktor Lund' }).getByLabel('Frånvarande').check();
  await page.getByRole('button', { name: 'Spara närvaron' }).click();
  await expect(page.getByText('Närvaron är sparad för 24 deltagare.')).toBeVisible();
  await checkPage(page, 'setup-attendance-saved');
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Viktor Lund' }).getByLabel('Frånvarande')).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Klara Dahl' }).getByLabel('Närvarande')).toBeChecked();

  // On a phone: nothing wider than the screen (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByTestId('attendance-row')).toHaveCount(24);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await checkPage(page, 'setup-attendance-phone');
  await page.setViewportSize({ width: 1280, height: 720 });

  // In English, the held meeting and the one still ahead.
  await page.getByTestId('language-switch').click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Attendance: meeting 1, ${SEEDED_MEETING_1}` }),
  ).toBeVisible();
  await expect(page.getByText(/^Wednesday 2 Sept? 2026, 13:00–16:00 \(week 36\)$/)).toBeVisible();
  await checkPage(page, 'setup-attendance-en');
  await page.goto(notStartedUrl);
  await expect(
    page.getByRole('heading', { level: 1, name: `Attendance: meeting 1, ${MEETINGS[0]}` }),
  ).toBeVisible();
  await expect(page.getByText(/^Wednesday 8 Sept? 2027, 13:00–16:00 \(week 36\)$/)).toBeVisible();
  await expect(page.getByTestId('attendance-not-started')).toContainText(
    'Meeting 1 has not started yet (it starts Wednesday 8 Sep',
  );
  await checkPage(page, 'setup-attendance-not-started-en');
  await page.goto('/cohorts');
  await expect(page.getByRole('heading', { level: 1, name: 'My cohorts' })).toBeVisible();
  await expect(page.getByRole('link', { name: NAME, exact: true })).toBeVisible();
  await checkPage(page, 'setup-list-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina utbildningsomgångar' })).toBeVisible();
});
