import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { fillSection } from './support/editor';

/**
 * Critical friends and feedback, as the people of a course use them: two teachers of different
 * schools publish in round 3; a critical friend gives three-part feedback through the form
 * (counters as they type, too-short refused in a sentence, text kept in the browser), the course
 * leader gives leader feedback through the same page and notes on the friend's feedback, the author
 * reads, replies and marks it helpful and sees their progress, and the school leader sees progress
 * without any analysis text. Uses its own teachers (Lars Nilsson, Klara Dahl), so other spec files
 * neither depend on nor disturb it.
 */
// Long journeys with several axe runs each: more time than the default when the machine is busy.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** The demo seed's fixed ids: the open cohort and its third round (opened 11 Nov 2026). */
const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND_ID = '00000000-0000-4000-8007-000000000003';
const EDITOR = `/cohorts/${COHORT_ID}/rounds/${ROUND_ID}/analysis`;
const OVERVIEW = `/cohorts/${COHORT_ID}/feedback`;

const AUTHOR = 'Lars Nilsson'; // Ekbackeskolan: Birgitta Ekman's school
const FRIEND = 'Klara Dahl'; // Tallåsens skola: the external network
const ANALYSIS_MARK = 'Lars klass 4A skrev instruerande texter';

const SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];
const FEEDBACK = {
  worksWell: 'Målen är tydliga och du visar med elevtexterna hur instruktionerna blev mer precisa.',
  questions: 'Hur vet du att eleverna själva ser skillnaden mellan första och sista utkastet av texten?',
  nextSteps: 'Pröva att låta eleverna läsa varandras instruktioner högt och följa dem steg för steg.',
};
const LEADER_FEEDBACK = {
  worksWell: 'Analysen följer mallen väl och kopplar tydligt undervisningen till STL-modellens moment.',
  questions: 'Vilka elever fick minst ut av responsen i par, och vad kan det bero på enligt dig?',
  nextSteps: 'Dokumentera nästa gång två elevers texter över tid, så blir effekten lättare att visa.',
};
const REPLY = 'Tack! Jag prövar högläsningen nästa vecka och berättar på träffen.';
const LEADER_NOTE = 'Bra, konkret återkoppling som knyter an till texten.';

let analysisId = '';

/**
 * Lars and Klara are not among the demo accounts the sign-in page lists (other spec files use
 * those), so they sign in with e-mail and the demo password, as any teacher would.
 */
const EMAIL: Record<string, string> = {
  [AUTHOR]: 'lars.nilsson@larkby.example',
  [FRIEND]: 'klara.dahl@larkby.example',
};

async function signIn(page: Page, name: string): Promise<void> {
  if (!EMAIL[name]) return signInAsDemo(page, name);
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(EMAIL[name]);
  await page.getByLabel('Lösenord').fill('stl-demo-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible();
}

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);
}

/** GraphQL as the signed-in person (the page's session cookie): used for test setup only. */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return body;
}

async function publishAnalysis(page: Page, name: string): Promise<void> {
  await signIn(page, name);
  await page.goto(EDITOR);
  await expect(page.getByRole('heading', { level: 1, name: /^Analys 3/ })).toBeVisible();
  for (const key of SECTIONS) {
    await fillSection(page, key, `${name === AUTHOR ? ANALYSIS_MARK : name}: avsnitt ${key}.`);
  }
  await waitForSaved(page);
  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: /^Publicera/ }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad');
  await signOut(page);
}

test('two teachers of different schools publish their analyses of round 3', async ({ page }) => {
  await publishAnalysis(page, AUTHOR);
  await publishAnalysis(page, FRIEND);
});

test('setup as the course leader: critical friends and course leaders are assigned', async ({ page }) => {
  await signInAsDemo(page, 'Maria Berg');
  // SETUP, not under test here: the allocation screen is another feature's. As Maria Berg (course
  // leader), allocate round 3 (or repair it when an earlier run locked it), which gives every
  // published analysis its course-leader assignments, then make Klara Lars's critical friend by hand.
  const shared = await graphql<{
    sharedSpace: { nodes: { id: string; author: { id: string; fullName: string } }[] };
  }>(
    page,
    `
      query ($c: ID!, $r: ID) {
        sharedSpace(cohortId: $c, roundId: $r, first: 100) {
          nodes {
            id
            author {
              id
              fullName
            }
          }
        }
      }
    `,
    { c: COHORT_ID, r: ROUND_ID },
  );
  const nodes = shared.data?.sharedSpace.nodes ?? [];
  analysisId = nodes.find((n) => n.author.fullName === AUTHOR)?.id ?? '';
  const friendId = nodes.find((n) => n.author.fullName === FRIEND)?.author.id ?? '';
  expect(analysisId).not.toBe('');
  expect(friendId).not.toBe('');

  const applied = await graphql(
    page,
    `
      mutation ($r: ID!) {
        applyAllocation(roundId: $r) {
          applied
        }
      }
    `,
    {
      r: ROUND_ID,
    },
  );
  if (applied.errors?.[0]?.extensions?.code === 'ALLOCATION_LOCKED') {
    const repaired = await graphql(
      page,
      `
        mutation ($r: ID!) {
          repairAllocation(roundId: $r) {
            applied
          }
        }
      `,
      {
        r: ROUND_ID,
      },
    );
    expect(repaired.errors).toBeUndefined();
  } else {
    expect(applied.errors).toBeUndefined();
  }
  const added = await graphql(
    page,
    `
      mutation ($a: ID!, $p: ID!) {
        addReviewer(analysisId: $a, reviewerId: $p) {
          id
        }
      }
    `,
    {
      a: analysisId,
      p: friendId,
    },
  );
  if (added.errors) expect(added.errors[0].extensions?.code).toBe('DUPLICATE_ASSIGNMENT');

  // The course leader's own task list shows the new analysis to give leader feedback on.
  await page.goto(OVERVIEW);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Analyser att ge kursledaråterkoppling på' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: `Ge återkoppling på ${AUTHOR}s analys 3` })).toBeVisible();
  await checkPage(page, 'review-leader-tasks');
  await signOut(page);
});

test('the critical friend gives feedback through the form', async ({ page }) => {
  await signIn(page, FRIEND);
  // Home says what to do next, and links to the form.
  await expect(page.getByRole('link', { name: `Ge återkoppling på ${AUTHOR}s analys 3` })).toBeVisible();
  await checkPage(page, 'review-home-friend');
  await page.getByRole('link', { name: /^All din återkoppling/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Dina uppdrag som kritisk vän' })).toBeVisible();
  const task = page.getByTestId('task').filter({ hasText: `${AUTHOR}s analys 3` });
  await expect(task).toContainText('Att göra');
  await checkPage(page, 'review-overview-friend');

  await task.getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Återkoppling på ${AUTHOR}s analys 3` }),
  ).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${OVERVIEW}/analyses/${analysisId}`);
  // The analysis, read-only, beside the form.
  await expect(page.getByTestId('analysis-text')).toContainText(`${ANALYSIS_MARK}: avsnitt goals.`);
  await expect(page.getByText('Du är kritisk vän')).toBeVisible();
  await expect(page.getByText('Återkopplingen går inte att ändra när den är skickad.')).toBeVisible();

  // The feedback coach (issue 15): hints for "Bra jobbat!", ticks once the text asks and proposes.
  const coach = page.getByTestId('feedback-coach');
  await expect(coach.locator('[data-quality="question"]')).not.toHaveClass(/coach__item--done/);
  await page.getByLabel('Det här fungerar bra').fill('Bra jobbat!');
  await expect(coach.getByTestId('coach-only-praise')).toContainText('bara av omdömen (bra jobbat');
  await expect(coach.locator('[data-quality="question"]')).toContainText('Ställ en öppen fråga');
  await expect(coach.locator('[data-quality="nextStep"]')).toContainText('Föreslå något konkret');
  await page.getByLabel('Frågor att fundera över').fill('Hur tror du att eleverna uppfattade uppgiften?');
  await page
    .getByLabel('Förslag på nästa steg')
    .fill('Nästa gång kan du prova att låta eleverna läsa sina texter högt för varandra.');
  await expect(coach.locator('[data-quality="question"]')).toHaveClass(/coach__item--done/);
  await expect(coach.locator('[data-quality="question"]')).toContainText('Hur tror du att eleverna');
  await expect(coach.locator('[data-quality="nextStep"]')).toHaveClass(/coach__item--done/);
  await expect(coach.locator('[data-quality="aboutLearning"]')).toHaveClass(/coach__item--done/);
  await expect(coach.getByTestId('coach-only-praise')).toHaveCount(0);
  await checkPage(page, 'review-form-coach');
  for (const label of ['Det här fungerar bra', 'Frågor att fundera över', 'Förslag på nästa steg']) {
    await page.getByLabel(label).fill('');
  }

  // Counters as you type.
  await expect(page.getByTestId('count-worksWell')).toHaveText(/^\s*0 \/ 50 tecken\s*$/);
  await page.getByLabel('Det här fungerar bra').fill('Tydliga mål.');
  await expect(page.getByTestId('count-worksWell')).toHaveText(/^\s*12 \/ 50 tecken\s*$/);
  await expect(page.getByTestId('count-worksWell')).toHaveAttribute('aria-live', 'polite');
  await checkPage(page, 'review-form-typing');

  // Too short: refused with a sentence beside each part, nothing lost.
  await page.getByRole('button', { name: 'Skicka återkopplingen' }).click();
  await expect(page.locator('#error-worksWell')).toHaveText(
    /Skriv minst 50 tecken i ”Det här fungerar bra” \(nu 12\)\./,
  );
  await expect(page.locator('#error-questions')).toHaveText(
    /Skriv minst 50 tecken i ”Frågor att fundera över” \(nu 0\)\./,
  );
  await expect(page.locator('#part-worksWell')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Rätta följande' })).toBeFocused();
  await expect(page.getByLabel('Det här fungerar bra')).toHaveValue('Tydliga mål.');
  await checkPage(page, 'review-form-too-short');

  // A reload (or a lost connection) loses nothing: the text is kept in this browser.
  await page.reload();
  await expect(page.getByLabel('Det här fungerar bra')).toHaveValue('Tydliga mål.');
  await expect(
    page.getByText('Text som du skrev tidigare och inte hann skicka har återställts.'),
  ).toBeVisible();

  await page.getByLabel('Det här fungerar bra').fill(FEEDBACK.worksWell);
  await page.getByLabel('Frågor att fundera över').fill(FEEDBACK.questions);
  await page.getByLabel('Förslag på nästa steg').fill(FEEDBACK.nextSteps);
  await page
    .getByLabel(/^Gäller återkopplingen ett visst avsnitt/)
    .selectOption({ label: '1. Mål för eleverna' });
  await expect(page.getByTestId('count-nextSteps')).toContainText('tillräckligt');
  await expect(page.locator('#error-worksWell')).toHaveCount(0);
  await page.getByRole('button', { name: 'Skicka återkopplingen' }).click();
  await expect(page.getByTestId('sent')).toHaveText(/Tack! Återkopplingen är skickad till Lars Nilsson\./);
  await expect(page.getByTestId('feedback')).toContainText(FEEDBACK.questions);
  await expect(page.getByTestId('feedback')).toContainText('om avsnittet ”Mål för eleverna”');
  await checkPage(page, 'review-form-sent');

  // Final once given: the page now shows it, and the task is done.
  await page.reload();
  await expect(page.getByText('Du har redan gett återkoppling på den här analysen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka återkopplingen' })).toHaveCount(0);
  await page.goto(OVERVIEW);
  await expect(page.getByTestId('task').filter({ hasText: `${AUTHOR} (analys 3)` })).toContainText('Klar');
  await signOut(page);
});

test('the course leader gives leader feedback on the same page and notes on the friend’s', async ({
  page,
}) => {
  await signInAsDemo(page, 'Maria Berg');
  await page.goto(`${OVERVIEW}/analyses/${analysisId}`);
  await expect(page.getByText('Du ger kursledaråterkoppling')).toBeVisible();
  await page.getByLabel('Det här fungerar bra').fill(LEADER_FEEDBACK.worksWell);
  await page.getByLabel('Frågor att fundera över').fill(LEADER_FEEDBACK.questions);
  await page.getByLabel('Förslag på nästa steg').fill(LEADER_FEEDBACK.nextSteps);
  await page.getByRole('button', { name: 'Skicka återkopplingen' }).click();
  await expect(page.getByTestId('sent')).toBeVisible();

  const friends = page.getByTestId('feedback').filter({ hasText: `Från ${FRIEND}` });
  await friends.getByLabel('Kursledarens kommentar').fill(LEADER_NOTE);
  await friends.getByRole('button', { name: 'Skicka kommentaren' }).click();
  await expect(friends.getByTestId('comment')).toContainText(LEADER_NOTE);
  await checkPage(page, 'review-form-leader');
  await signOut(page);
});

test('the author reads the feedback, replies, marks it helpful and sees their progress', async ({ page }) => {
  await signIn(page, AUTHOR);
  const toRead = page.getByRole('link', {
    name: 'Läs och svara på återkopplingen på din analys 3 (2 obesvarade)',
  });
  await expect(toRead).toBeVisible();
  await checkPage(page, 'review-home-author');
  await toRead.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling på analys 3' })).toBeVisible();

  const friend = page.getByTestId('feedback').filter({ hasText: `Från ${FRIEND}` });
  const leader = page.getByTestId('feedback').filter({ hasText: 'Från Maria Berg' });
  await expect(friend).toContainText('Kritisk vän');
  await expect(friend).toContainText(FEEDBACK.nextSteps);
  await expect(leader).toContainText('Kursledare');
  await expect(leader).toContainText(LEADER_FEEDBACK.worksWell);
  // The leader's note is for the critical friend and the leaders, not for the author.
  await expect(page.locator('body')).not.toContainText(LEADER_NOTE);

  await friend.getByLabel('Ditt svar').fill(REPLY);
  await friend.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(friend.getByTestId('comment')).toContainText(REPLY);
  await expect(friend.getByLabel('Ditt svar')).toHaveValue('');

  const helpful = friend.getByRole('button', { name: 'Markera som hjälpsam' });
  await helpful.click();
  const takeBack = friend.getByRole('button', { name: 'Ta tillbaka hjälpsam' });
  await expect(takeBack).toHaveAttribute('aria-pressed', 'true');
  await expect(friend.getByText('Hjälpsam', { exact: true })).toBeVisible();
  await takeBack.click();
  await expect(friend.getByRole('button', { name: 'Markera som hjälpsam' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await friend.getByRole('button', { name: 'Markera som hjälpsam' }).click();
  await expect(takeBack).toBeVisible();
  await checkPage(page, 'review-received');

  // Kept after a reload.
  await page.reload();
  await expect(friend.getByRole('button', { name: 'Ta tillbaka hjälpsam' })).toBeVisible();
  await expect(friend.getByTestId('comment')).toContainText(REPLY);

  // Progress toward completion, plainly.
  await page.getByRole('link', { name: 'Tillbaka till återkoppling' }).first().click();
  const progress = page.getByTestId('progress');
  await expect(
    progress.getByRole('heading', { name: 'Din väg mot att bli klar med utbildningen' }),
  ).toBeVisible();
  await expect(progress).toContainText(/Publicerade analyser: [1-6] av 6/);
  await expect(progress).toContainText(/Träffar du har varit med på: \d av 8/);
  await expect(page.getByTestId('missing')).toContainText(/Du behöver publicera \d analyser till/);
  await expect(page.getByTestId('received').filter({ hasText: 'Analys 3' })).toContainText(
    'Från kursledare: 1 · från kritiska vänner: 1',
  );
  await checkPage(page, 'review-overview-author');

  // One page in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your way to completing the course' })).toBeVisible();
  await expect(page.getByTestId('progress')).toContainText(/Published analyses: [1-6] of 6/);
  await checkPage(page, 'review-overview-author-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling' })).toBeVisible();
  await signOut(page);
});

test('the critical friend sees the reply and the course leader’s note', async ({ page }) => {
  await signIn(page, FRIEND);
  await page.goto(`${OVERVIEW}/analyses/${analysisId}`);
  const given = page.getByTestId('feedback');
  await expect(given.getByTestId('comment').filter({ hasText: REPLY })).toContainText(
    'svar från författaren',
  );
  await expect(given.getByTestId('comment').filter({ hasText: LEADER_NOTE })).toContainText(
    'kursledarens kommentar',
  );
  await expect(given).toContainText('Hjälpsam');
  await checkPage(page, 'review-form-given');
  await signOut(page);
});

test('the school leader sees progress, never analysis or feedback text', async ({ page }) => {
  await signInAsDemo(page, 'Birgitta Ekman');
  await page.goto('/school');
  await expect(page.getByRole('heading', { level: 1, name: 'Min skolas lärare' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Ekbackeskolan' })).toBeVisible();
  const row = page.getByTestId('participant-row').filter({ hasText: AUTHOR });
  await expect(row).toContainText(/[1-6] av 6/);
  await expect(page.getByTestId('participant-row').filter({ hasText: FRIEND })).toHaveCount(0);
  await page.getByText('Så avgörs vem som verkar behöva stöd').click();
  await expect(
    page.getByText(/en analys är inte publicerad 7 dagar eller mer efter sista dagen/),
  ).toBeVisible();
  for (const text of [ANALYSIS_MARK, FEEDBACK.worksWell, LEADER_FEEDBACK.worksWell, REPLY]) {
    await expect(page.locator('body')).not.toContainText(text);
  }
  await checkPage(page, 'review-school');

  // The feedback form by address: refused in a plain sentence (the API does not even say whether
  // the analysis exists), and no text shown.
  await page.goto(`${OVERVIEW}/analyses/${analysisId}`);
  await expect(page.getByRole('alert')).toHaveText(/inte tillgång|inte behörighet/);
  await expect(page.locator('body')).not.toContainText('NOT_FOUND');
  await expect(page.locator('body')).not.toContainText(ANALYSIS_MARK);
  await checkPage(page, 'review-school-leader-refused');
  await signOut(page);
});
