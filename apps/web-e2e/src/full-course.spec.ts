import { join } from 'node:path';
import { expect, test } from './support/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { checkPage } from './support/checks';
import { MAIL_CATCHER_URL, waitForMail } from './support/mail';
import { fillSection } from './support/editor';

/**
 * The whole STL course as its people run it, through the web UI only: the administrator certifies a
 * course leader whose certification had expired; she plans and opens a cohort of her own whose first
 * round is open now; two teachers of different schools write and publish their analyses; she applies
 * the critical friends of round 1; the two give each other feedback; she gives leader feedback; the
 * author reads, replies and marks it helpful; the author's school leader sees progress without any
 * text; and the mail the platform sent along the way arrives and leads to the right pages.
 * Everyone works in a browser of their own. The cohort has a unique name and its own two teachers
 * (no other spec uses Maja Olsson or Hanna Jonsson), so other spec files are not disturbed.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const NAME = `STL Karin ${RUN}`;
const PASSWORD = 'stl-demo-2026';
const SCREENSHOTS = join(__dirname, '../../../dist/e2e-screenshots');

interface Person {
  name: string;
  email: string;
}
const ADMIN: Person = { name: 'Åsa Lind', email: 'admin@larkby.example' };
const LEADER: Person = { name: 'Karin Sjö', email: 'karin.sjo@larkby.example' };
/** Solviksskolan: the author whose feedback and school leader the journey follows. */
const AUTHOR: Person = { name: 'Maja Olsson', email: 'maja.olsson@larkby.example' };
/** Norrängsskolan: the author's critical friend, and she hers. */
const FRIEND: Person = { name: 'Hanna Jonsson', email: 'hanna.jonsson@larkby.example' };
const SCHOOL_LEADER: Person = { name: 'Stefan Solman', email: 'rektor.solvik@larkby.example' };

const MEETINGS = [
  'Uppstart: STL-modellen',
  'Skriva på dator i par',
  'Talsyntes och respons',
  'Publicering för mottagare',
  'Kritiska vänner',
  'Elevtexter och bedömning',
  'Samarbetsinlärning',
  'Avslutning och vägen vidare',
];
const SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];
const MARK: Record<string, string> = {
  [AUTHOR.name]: `Majas klass 3B skrev faktatexter om djur (${RUN})`,
  [FRIEND.name]: `Hannas klass 5A skrev insändare till lokaltidningen (${RUN})`,
};
const FEEDBACK: Record<string, { worksWell: string; questions: string; nextSteps: string }> = {
  [AUTHOR.name]: {
    worksWell: 'Du visar tydligt hur responsen i par gjorde faktatexterna mer genomarbetade och precisa.',
    questions: 'Hur märkte du att eleverna själva förstod skillnaden mellan fakta och egna åsikter i texten?',
    nextSteps: 'Pröva att låta eleverna läsa upp sina texter för en yngre klass och samla in deras frågor.',
  },
  [FRIEND.name]: {
    worksWell: 'Insändarna har riktiga mottagare, och du beskriver väl hur det gjorde eleverna engagerade.',
    questions:
      'Vilka elever hade svårast att argumentera skriftligt, och vad hjälpte dem mest under arbetet?',
    nextSteps:
      'Låt eleverna jämföra två publicerade insändare och formulera vad som gör en text övertygande.',
  },
};
const LEADER_FEEDBACK = {
  worksWell: 'Analysen följer mallen väl och kopplar undervisningen tydligt till STL-modellens moment.',
  questions: 'Vad i talsyntesen tror du bidrog mest till att eleverna upptäckte sina egna stavfel?',
  nextSteps: 'Dokumentera två elevers texter över tid till nästa träff, så blir effekten lättare att visa.',
};
const REPLY = 'Tack Hanna! Jag prövar uppläsningen för den yngre klassen nästa vecka.';
const NUDGE_WORDS = 'Hej Hanna! Titta gärna på återkopplingen du har fått före nästa träff.';

let cohortId = '';
let roundId = '';
let authorAnalysisId = '';

/** A browser of one's own, signed in with e-mail and password as anyone would. */
async function signIn(browser: Browser, person: Person): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(person.email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hej ${person.name.split(' ')[0]}!` }),
  ).toBeVisible();
  return { context, page };
}

async function addMeeting(page: Page, index: number): Promise<void> {
  await page.getByLabel('Rubrik').fill(MEETINGS[index]);
  await page.getByRole('button', { name: 'Lägg till träffen' }).click();
  await expect(page.getByText('Träffen är tillagd.')).toBeVisible();
  await expect(page.getByTestId('setup-meeting')).toHaveCount(index + 1);
}

async function enrol(page: Page, school: string, teacher: string, count: number): Promise<void> {
  await page.getByLabel('Skola', { exact: true }).selectOption({ label: school });
  await page.getByRole('checkbox', { name: new RegExp(`^${teacher}`) }).check();
  await page.getByRole('button', { name: 'Skriv in valda (1)' }).click();
  await expect(page.getByText('1 lärare är inskrivna.')).toBeVisible();
  await expect(page.getByTestId('participant')).toHaveCount(count);
}

/** A teacher writes analysis 1 in the editor, confirms no pupil can be identified, and publishes. */
async function writeAndPublish(browser: Browser, person: Person, name: string): Promise<void> {
  const { context, page } = await signIn(browser, person);
  await page.goto(`/cohorts/${cohortId}`);
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await checkPage(page, `full-cohort-${name}`);
  await page.getByRole('link', { name: 'Skriv analys 1', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Analys 1/ })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/cohorts/${cohortId}/rounds/[^/]+/analysis$`));
  roundId = new URL(page.url()).pathname.split('/')[4];
  for (const key of SECTIONS) {
    await fillSection(page, key, `${MARK[person.name]}: avsnitt ${key}.`);
  }
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);
  await checkPage(page, `full-editor-${name}`);
  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: 'Publicera analysen' }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad (version 1).');
  await checkPage(page, `full-editor-published-${name}`);
  await context.close();
}

/** A critical friend gives three-part feedback from their task list. */
async function giveFeedback(browser: Browser, friend: Person, author: Person, name: string): Promise<void> {
  const { context, page } = await signIn(browser, friend);
  await page.goto(`/cohorts/${cohortId}/feedback`);
  await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Dina uppdrag som kritisk vän' })).toBeVisible();
  const task = page.getByTestId('task').filter({ hasText: `${author.name}s analys 1` });
  await expect(task).toContainText('Att göra');
  await checkPage(page, `full-tasks-${name}`);
  await task.getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Återkoppling på ${author.name}s analys 1` }),
  ).toBeVisible();
  if (author === AUTHOR) authorAnalysisId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByTestId('analysis-text')).toContainText(`${MARK[author.name]}: avsnitt goals.`);
  await expect(page.getByText('Du är kritisk vän')).toBeVisible();
  const words = FEEDBACK[author.name];
  await page.getByLabel('Det här fungerar bra').fill(words.worksWell);
  await page.getByLabel('Frågor att fundera över').fill(words.questions);
  await page.getByLabel('Förslag på nästa steg').fill(words.nextSteps);
  await expect(page.getByTestId('count-nextSteps')).toContainText('tillräckligt');
  await checkPage(page, `full-feedback-form-${name}`);
  await page.getByRole('button', { name: 'Skicka återkopplingen' }).click();
  await expect(page.getByTestId('sent')).toHaveText(
    new RegExp(`Tack! Återkopplingen är skickad till ${author.name}\\.`),
  );
  await checkPage(page, `full-feedback-sent-${name}`);
  await page.goto(`/cohorts/${cohortId}/feedback`);
  await expect(page.getByTestId('task').filter({ hasText: `${author.name} (analys 1)` })).toContainText(
    'Klar',
  );
  await context.close();
}

/** Opens a caught mail in the catcher's own page, as a person reading their inbox would. */
async function openMail(page: Page, id: string, subject: string, name: string): Promise<void> {
  await page.goto(`${MAIL_CATCHER_URL}/messages/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, `full-mail-${name}.png`), fullPage: true });
}

/** The links of the open mail that point at the platform (not the unsubscribe link). */
function platformLink(page: Page, baseURL: string, path: string) {
  return page
    .locator('section[aria-labelledby="links"] a')
    .filter({ hasText: new RegExp(`^${baseURL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}$`) });
}

test('1. the administrator certifies Karin Sjö, whose certification had expired', async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, ADMIN);
  await page.goto('/admin/certifications');
  await expect(page.getByRole('heading', { level: 1, name: 'STL-certifieringar' })).toBeVisible();
  const leader = page.getByTestId('leader').filter({ hasText: LEADER.name });
  // An earlier spec may already have looked; an earlier run of this one may have certified her.
  await expect(leader).toBeVisible();
  await checkPage(page, 'full-admin-certifications');

  await leader.getByRole('button', { name: `Lägg till en certifiering för ${LEADER.name}` }).click();
  await expect(page.getByRole('heading', { name: 'Lägg till en certifiering' })).toBeVisible();
  await page.getByLabel('Utfärdad').fill('2026-11-01');
  await page.getByLabel('Giltig till och med').fill('2030-06-30');
  await page.getByLabel('Referens (frivillig)').fill(`STL-2026-${RUN}`);
  await page.getByRole('button', { name: 'Lägg till certifieringen' }).click();
  await expect(page.getByTestId('cert-notice')).toHaveText(`Certifieringen för ${LEADER.name} är tillagd.`);
  await expect(leader.getByText('Certifierad', { exact: true })).toBeVisible();
  await expect(leader.getByTestId('certification').filter({ hasText: `STL-2026-${RUN}` })).toBeVisible();
  await expect(page.getByTestId('attention').filter({ hasText: LEADER.name })).toHaveCount(0);
  await checkPage(page, 'full-admin-certified');
  await context.close();
});

test('2. Karin plans a cohort whose first round is open now, enrols two teachers and opens it', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, LEADER);
  await page.goto('/cohorts');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina utbildningsomgångar' })).toBeVisible();
  await checkPage(page, 'full-cohorts');
  await page.getByRole('button', { name: 'Ny utbildningsomgång' }).click();
  await page.getByLabel('Namn', { exact: true }).fill(NAME);
  await page.getByLabel('Läsår').fill('2026/27');
  await page.getByLabel('Första dag').fill('2026-11-23');
  // To the end of the school year: the suggested meetings skip the school holidays (issue 19).
  await page.getByLabel('Sista dag').fill('2027-06-30');
  await checkPage(page, 'full-cohort-new');
  await page.getByRole('button', { name: 'Skapa utbildningsomgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Planera ${NAME}` })).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts\/[^/]+\/setup\/settings$/);
  cohortId = new URL(page.url()).pathname.split('/')[2];
  await checkPage(page, 'full-setup-settings');

  // Eight meetings: the first on 25 November, already held; the rest four weeks apart as suggested,
  // never in a school holiday: 23 December and 6 January are jullov, so the second is 13 January.
  await page.getByRole('link', { name: /^2\. Träffar/ }).click();
  await expect(page.getByRole('heading', { name: 'Träffar (0 av minst 8)' })).toBeVisible();
  await page.getByLabel('Datum').fill('2026-11-25');
  await page.getByLabel('Börjar kl.').fill('13:00');
  await page.getByLabel('Slutar kl.').fill('16:00');
  await page.getByLabel('Plats').fill('Solviksskolan, biblioteket');
  await addMeeting(page, 0);
  await expect(page.getByText('onsdag 25 nov. 2026 kl. 13.00–16.00 (v. 48)')).toBeVisible();
  await expect(page.getByLabel('Datum')).toHaveValue('2027-01-13');
  for (let i = 1; i < MEETINGS.length; i++) await addMeeting(page, i);
  await expect(page.getByRole('heading', { name: 'Träffar (8 av minst 8)' })).toBeVisible();
  await checkPage(page, 'full-setup-meetings');

  // Six rounds derived from the meetings: round 1 opens when the first meeting ended.
  await page.getByRole('link', { name: /^3\. Analysomgångar/ }).click();
  await page.getByRole('button', { name: 'Föreslå datum utifrån träffarna' }).click();
  const proposal = page.getByTestId('derived-table');
  await expect(proposal.locator('tbody tr')).toHaveCount(6);
  await expect(proposal.locator('tbody tr').first()).toContainText('onsdag 25 nov. 2026 kl. 16.00');
  await expect(proposal.locator('tbody tr').first()).toContainText('tisdag 12 jan. 2027 kl. 23.59');
  await checkPage(page, 'full-setup-rounds-derived');
  await page.getByRole('button', { name: 'Spara de 6 omgångarna' }).click();
  await expect(page.getByText('6 omgångar är sparade.')).toBeVisible();
  await expect(page.getByTestId('setup-round')).toHaveCount(6);
  await checkPage(page, 'full-setup-rounds');

  // Two teachers of different schools.
  await page.getByRole('link', { name: '4. Deltagare' }).click();
  await expect(page.getByRole('heading', { name: 'Deltagare (0)' })).toBeVisible();
  await enrol(page, 'Solviksskolan', AUTHOR.name, 1);
  await enrol(page, 'Norrängsskolan', FRIEND.name, 2);
  await expect(page.getByRole('heading', { name: 'Deltagare (2)' })).toBeVisible();
  await checkPage(page, 'full-setup-participants');

  await page.getByRole('link', { name: '5. Öppna' }).click();
  await expect(page.getByTestId('readiness').getByText('Saknas')).toHaveCount(0);
  await checkPage(page, 'full-setup-open-ready');
  await page.getByRole('button', { name: 'Öppna utbildningsomgången' }).click();
  await expect(page.getByText(`${NAME} är öppen. Deltagarna kan börja.`)).toBeVisible();
  await checkPage(page, 'full-setup-open-done');
  await context.close();
});

test('3. both teachers write analysis 1 in the editor and publish it', async ({ browser }) => {
  test.setTimeout(300_000);
  await writeAndPublish(browser, AUTHOR, 'author');
  await writeAndPublish(browser, FRIEND, 'friend');
});

test('4. Karin previews the critical friends of round 1, with reasons, and applies them', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, LEADER);
  await page.goto(`/cohorts/${cohortId}/follow-up`);
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning' })).toBeVisible();
  await checkPage(page, 'full-matrix-before');
  await page.getByRole('link', { name: 'Kritiska vänner för analys 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohortId}/follow-up/rounds/${roundId}/allocation$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Kritiska vänner för analys 1' })).toBeVisible();
  const preview = page.getByTestId('preview');
  await expect(preview).toBeVisible();
  for (const [author, friend] of [
    [AUTHOR, FRIEND],
    [FRIEND, AUTHOR],
  ]) {
    const group = preview.getByTestId('preview-group').filter({ hasText: `Analys av ${author.name}` });
    await expect(group.getByTestId('reviewer-chip').filter({ hasText: friend.name })).toBeVisible();
    await expect(group.getByText('Från en annan skola (externt nätverk).').first()).toBeVisible();
  }
  await expect(preview).not.toContainText('OTHER_SCHOOL');
  await checkPage(page, 'full-allocation-preview');

  await page.getByRole('button', { name: 'Tillämpa fördelningen' }).click();
  await expect(page.getByTestId('allocation-message')).toContainText('Fördelningen är tillämpad');
  const applied = page.getByTestId('assignment-group').filter({ hasText: `Analys av ${AUTHOR.name}` });
  await expect(applied.getByTestId('assignment').filter({ hasText: FRIEND.name })).toBeVisible();
  await expect(applied.getByTestId('assignment').filter({ hasText: 'Kursledare' }).first()).toBeVisible();
  await checkPage(page, 'full-allocation-applied');
  await context.close();
});

test('5. the two teachers give each other feedback from their task lists', async ({ browser }) => {
  test.setTimeout(300_000);
  await giveFeedback(browser, FRIEND, AUTHOR, 'friend');
  await giveFeedback(browser, AUTHOR, FRIEND, 'author');
  expect(authorAnalysisId).not.toBe('');
});

test('6. Karin gives leader feedback from the progress matrix', async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, LEADER);
  await page.goto(`/cohorts/${cohortId}/follow-up`);
  const row = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(AUTHOR.name) }) });
  await expect(row.getByRole('cell').first()).toContainText('Publicerad');
  await expect(row.getByRole('cell').first()).toContainText('Kursledare: saknas');
  await checkPage(page, 'full-matrix-feedback-given');
  await row.getByRole('button', { name: new RegExp(`${AUTHOR.name}, analys 1`) }).click();
  await page
    .getByRole('dialog', { name: AUTHOR.name })
    .getByRole('link', { name: `Ge kursledaråterkoppling – ${AUTHOR.name}, analys 1` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohortId}/feedback/analyses/${authorAnalysisId}$`));
  await expect(page.getByText('Du ger kursledaråterkoppling')).toBeVisible();
  await expect(page.getByTestId('analysis-text')).toContainText(`${MARK[AUTHOR.name]}: avsnitt goals.`);
  await page.getByLabel('Det här fungerar bra').fill(LEADER_FEEDBACK.worksWell);
  await page.getByLabel('Frågor att fundera över').fill(LEADER_FEEDBACK.questions);
  await page.getByLabel('Förslag på nästa steg').fill(LEADER_FEEDBACK.nextSteps);
  await checkPage(page, 'full-leader-form');
  await page.getByRole('button', { name: 'Skicka återkopplingen' }).click();
  await expect(page.getByTestId('sent')).toBeVisible();
  await expect(page.getByTestId('feedback').filter({ hasText: `Från ${FRIEND.name}` })).toContainText(
    FEEDBACK[AUTHOR.name].questions,
  );
  await checkPage(page, 'full-leader-sent');

  await page.goto(`/cohorts/${cohortId}/follow-up`);
  await expect(row.getByRole('cell').first()).toContainText('Kursledare: klar');
  await context.close();
});

test('7. the author reads the feedback from her critical friend and her course leader, replies and marks it helpful', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, AUTHOR);
  await page.goto(`/cohorts/${cohortId}/feedback`);
  const received = page.getByTestId('received').filter({ hasText: 'Analys 1' });
  await expect(received).toContainText('Från kursledare: 1 · från kritiska vänner: 1');
  await checkPage(page, 'full-author-overview');
  await received.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohortId}/feedback/received/${authorAnalysisId}$`));
  await expect(page.getByRole('heading', { level: 1, name: /^Återkoppling på analys 1/ })).toBeVisible();

  const friend = page.getByTestId('feedback').filter({ hasText: `Från ${FRIEND.name}` });
  const leader = page.getByTestId('feedback').filter({ hasText: `Från ${LEADER.name}` });
  await expect(friend).toContainText('Kritisk vän');
  await expect(friend).toContainText(FEEDBACK[AUTHOR.name].worksWell);
  await expect(leader).toContainText('Kursledare');
  await expect(leader).toContainText(LEADER_FEEDBACK.nextSteps);
  await checkPage(page, 'full-author-received');

  await friend.getByLabel('Ditt svar').fill(REPLY);
  await friend.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(friend.getByTestId('comment')).toContainText(REPLY);
  await friend.getByRole('button', { name: 'Markera som hjälpsam' }).click();
  await expect(friend.getByRole('button', { name: 'Ta tillbaka hjälpsam' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await checkPage(page, 'full-author-replied');
  await page.reload();
  await expect(friend.getByTestId('comment')).toContainText(REPLY);
  await expect(friend.getByRole('button', { name: 'Ta tillbaka hjälpsam' })).toBeVisible();
  await context.close();
});

test('8. the author’s school leader sees the progress, never the analysis text', async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await signIn(browser, SCHOOL_LEADER);
  await page.goto('/school');
  await expect(page.getByRole('heading', { level: 1, name: 'Min skolas lärare' })).toBeVisible();
  const cohort = page.getByTestId('school-cohort').filter({ hasText: NAME });
  await expect(cohort.getByRole('heading', { level: 2, name: NAME })).toBeVisible();
  const row = cohort.getByTestId('participant-row').filter({ hasText: AUTHOR.name });
  await expect(row).toContainText('1 av 6');
  // Only her own school's teachers.
  await expect(cohort.getByTestId('participant-row').filter({ hasText: FRIEND.name })).toHaveCount(0);
  for (const text of [MARK[AUTHOR.name], FEEDBACK[AUTHOR.name].worksWell, LEADER_FEEDBACK.worksWell, REPLY]) {
    await expect(page.locator('body')).not.toContainText(text);
  }
  await checkPage(page, 'full-school');
  await context.close();
});

test('9. the mail arrives, opens in the inbox and leads to the right pages', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  // Sent by the platform when the allocation was applied and when feedback was given.
  const assigned = await waitForMail(
    AUTHOR.email,
    new RegExp(`^Du är kritisk vän till ${FRIEND.name} i analysomgång 1$`),
  );
  const feedback = await waitForMail(AUTHOR.email, /^Ny återkoppling på din analys i analysomgång 1$/);

  const { context, page } = await signIn(browser, AUTHOR);
  // The critical-friend mail, in the catcher's inbox page: subject, recipient, the link to the form.
  await openMail(page, assigned.id, assigned.subject, 'review-assigned');
  await expect(page.getByText(AUTHOR.email).first()).toBeVisible();
  await expect(page.locator('iframe[title="HTML-versionen av mejlet"]')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="text-version"] pre')).toContainText(
    'Du har fått ett nytt uppdrag som kritisk vän',
  );
  await expect(page.locator('section[aria-labelledby="text-version"] pre')).toContainText(NAME);
  const toForm = platformLink(page, base, `/cohorts/${cohortId}/feedback/analyses/[^/]+`);
  await expect(toForm).toHaveCount(1);
  const [form] = await Promise.all([context.waitForEvent('page'), toForm.click()]);
  await expect(
    form.getByRole('heading', { level: 1, name: `Återkoppling på ${FRIEND.name}s analys 1` }),
  ).toBeVisible();
  await expect(form.getByText('Du har redan gett återkoppling på den här analysen.')).toBeVisible();
  await checkPage(form, 'full-mail-link-review');
  await form.close();

  // The feedback mail links to the feedback on her analysis, where she can reply.
  await openMail(page, feedback.id, feedback.subject, 'feedback-received');
  await expect(page.locator('section[aria-labelledby="text-version"] pre')).toContainText(
    'Du har fått återkoppling',
  );
  const toAnalysis = platformLink(page, base, `/cohorts/${cohortId}/feedback/received/${authorAnalysisId}`);
  await expect(toAnalysis).toHaveCount(1);
  const [analysis] = await Promise.all([context.waitForEvent('page'), toAnalysis.click()]);
  await expect(analysis.getByRole('heading', { level: 1, name: /^Återkoppling på analys 1/ })).toBeVisible();
  await expect(analysis.getByText(FRIEND.name).first()).toBeVisible();
  await checkPage(analysis, 'full-mail-link-received');
  await analysis.close();
  await context.close();

  // Karin reminds Hanna from the progress matrix; the reminder arrives with her words.
  const leader = await signIn(browser, LEADER);
  await leader.page.goto(`/cohorts/${cohortId}/follow-up`);
  const row = leader.page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: leader.page.getByRole('rowheader', { name: new RegExp(FRIEND.name) }) });
  await row.getByRole('checkbox', { name: `Välj ${FRIEND.name}` }).check();
  await leader.page.getByRole('button', { name: 'Påminn valda (1)' }).click();
  const composer = leader.page.getByRole('dialog', { name: 'Påminn 1 deltagare' });
  await composer.getByLabel('Några ord till deltagarna (valfritt)').fill(NUDGE_WORDS);
  await checkPage(leader.page, 'full-matrix-nudge-form');
  await composer.getByRole('button', { name: 'Skicka påminnelsen till 1' }).click();
  await expect(leader.page.getByTestId('nudge-message')).toHaveText(/Påminnelserna skickas nu \(1 st\.\)\./);
  await expect(row).toContainText('Påmind i dag');
  await checkPage(leader.page, 'full-matrix-nudged');
  await leader.context.close();

  const nudge = await waitForMail(FRIEND.email, new RegExp(`^${LEADER.name} påminner dig om ${NAME}$`));
  const friend = await signIn(browser, FRIEND);
  await openMail(friend.page, nudge.id, nudge.subject, 'nudge');
  await expect(friend.page.locator('section[aria-labelledby="text-version"] pre')).toContainText(NUDGE_WORDS);
  // The button opens her oldest overdue task, or the course when nothing is overdue.
  const toTask = platformLink(
    friend.page,
    base,
    `/cohorts/${cohortId}(/rounds/[^/]+/analysis|/feedback/analyses/[^/]+)?`,
  );
  await expect(toTask).toHaveCount(1);
  const [overview] = await Promise.all([friend.context.waitForEvent('page'), toTask.click()]);
  await expect(overview.getByRole('heading', { level: 1 })).toBeVisible();
  await checkPage(overview, 'full-mail-link-cohort');
  await overview.close();
  await friend.context.close();
});
