import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signOut } from './support/checks';

/**
 * Searching the shared space (issue 18, ADR 0027): a participant searches in Swedish and finds
 * analyses by inflected forms of their words, with the matches marked; round and school filters
 * and the search text live in the URL; a draft holding the same words is never found; a school
 * leader gets no search. Uses its own teachers (Anders Berglund, Sofia Axelsson, Gustav Nyström)
 * and words no other spec writes ("snigelberättelse").
 */
test.describe.configure({ mode: 'serial' });

/** The demo seed's fixed ids: the open cohort and its first two rounds. */
const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND = (n: number) => `00000000-0000-4000-8007-00000000000${n}`;
const SHARED = `/cohorts/${COHORT_ID}/shared`;
const SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];

/** Signs in with the demo password (the demo list offers only some of the accounts). */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill('stl-demo-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hej / })).toBeVisible();
}

async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Writes every section of the signed-in teacher's analysis for a round; publishes it if asked. */
async function write(page: Page, round: string, html: Record<string, string>, publish: boolean) {
  const mine = await gql<{ myAnalysis: { draft: { revision: number } } | null }>(
    page,
    `query($r: ID!) { myAnalysis(roundId: $r) { draft { revision } } }`,
    { r: round },
  );
  const saved = await gql<{ saveAnalysisDraft: { id: string; draft: { revision: number } } }>(
    page,
    `mutation($input: SaveAnalysisDraftInput!) { saveAnalysisDraft(input: $input) { id draft { revision } } }`,
    {
      input: {
        roundId: round,
        expectedRevision: mine.myAnalysis?.draft.revision ?? 0,
        answers: SECTIONS.map((sectionKey) => ({
          sectionKey,
          html: html[sectionKey] ?? `<p>Vi prövade ett nytt arbetssätt (${sectionKey}).</p>`,
        })),
      },
    },
  );
  if (!publish) return;
  const a = saved.saveAnalysisDraft;
  await gql(page, `mutation($input: PublishAnalysisInput!) { publishAnalysis(input: $input) { id } }`, {
    input: { analysisId: a.id, expectedRevision: a.draft.revision, confirmNoPupilIdentifiable: true },
  });
}

test('teachers publish analyses, and one keeps a draft with the same words', async ({ page }) => {
  await signIn(page, 'anders.berglund@larkby.example'); // Norrängsskolan
  await write(
    page,
    ROUND(2),
    {
      goals:
        '<h3>Kamratresponsen i åk 4</h3><p>Eleverna skrev snigelberättelser och gav varandra respons.</p>',
      // Text that looks like markup is text: shown as typed, never run.
      outcome:
        '<p>Vi skrev &lt;b&gt;fet&lt;/b&gt; och &lt;img src=x onerror=alert(1)&gt; om snigelberättelserna.</p>',
    },
    true,
  );
  await signOut(page);

  await signIn(page, 'gustav.nystrom@larkby.example'); // Tallåsens skola
  await write(page, ROUND(1), { plan: '<p>Kamratrespons på en snigelberättelse i par.</p>' }, true);
  await signOut(page);

  await signIn(page, 'sofia.axelsson@larkby.example'); // Norrängsskolan
  await write(page, ROUND(2), { goals: '<p>Mitt utkast om kamratrespons och snigelberättelser.</p>' }, false);
});

test('a participant searches in Swedish, filters by round and school, all in the URL', async ({ page }) => {
  await signIn(page, 'sofia.axelsson@larkby.example');
  await page.goto(SHARED);
  const search = page.getByRole('searchbox', { name: 'Sök i analyserna' });
  const items = page.getByTestId('shared-item');
  const status = page.getByTestId('shared-count');
  await expect(status).toHaveText(/Publicerade analyser: \d+/);

  // Shifts of the layout while the results come in (typing itself is excluded by the browser).
  await page.evaluate(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) w.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: false });
  });

  // The base form finds the definite form ("kamratresponsen") and the plural ("snigelberättelser").
  await search.pressSequentially('kamratrespons snigelberättelse', { delay: 20 });
  await expect(page).toHaveURL(/[?&]q=kamratrespons(\+|%20)snigelber%C3%A4ttelse/);
  await expect(status).toHaveText('2 analyser hittades för ”kamratrespons snigelberättelse”');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(items).toHaveCount(2);
  // Gustav's text holds the words as typed, so it ranks before Anders's inflected forms.
  await expect(items.getByRole('link')).toHaveText([
    'Gustav Nyström – analys 1',
    'Anders Berglund – analys 2',
  ]);
  // Sofia's own draft holds the words, but drafts are nobody's search result.
  await expect(page.getByText('Mitt utkast om kamratrespons')).toHaveCount(0);
  const anders = items.filter({ hasText: 'Anders Berglund' });
  await expect(anders.locator('mark').first()).toHaveText('Kamratresponsen');
  await expect(anders.locator('mark', { hasText: 'snigelberättelser' }).first()).toBeVisible();
  // What looked like markup is never turned into elements.
  await expect(page.locator('.excerpt b, .excerpt img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThanOrEqual(0.05);
  await checkPage(page, 'shared-search');

  // Round filter: only round 2, kept in the URL with the search.
  await page.getByLabel('Visa analysomgång').selectOption(ROUND(2));
  await expect(page).toHaveURL(new RegExp(`round=${ROUND(2)}`));
  await expect(items).toHaveCount(1);
  await expect(status).toHaveText('1 analys hittades för ”kamratrespons snigelberättelse”');

  // The school filter (the cohort's analyses span schools): Tallåsens skola has none in round 2.
  await page.getByLabel('Visa skola').selectOption({ label: 'Tallåsens skola' });
  await expect(status).toHaveText(
    'Ingen analys matchar ”kamratrespons snigelberättelse”. Pröva ett annat ord eller färre filter.',
  );
  await expect(items).toHaveCount(0);
  await checkPage(page, 'shared-search-no-hits');

  // Reloaded (or shared), the URL gives back the same search and filters.
  await page.reload();
  await expect(search).toHaveValue('kamratrespons snigelberättelse');
  await expect(page.getByLabel('Visa skola')).toHaveValue(/.+/);
  await page.getByLabel('Visa analysomgång').selectOption({ label: 'Alla analysomgångar' });
  await page.getByLabel('Visa skola').selectOption({ label: 'Alla skolor' });
  await expect(items).toHaveCount(2);

  // Only common words: said plainly, no error.
  await search.fill('och att');
  await expect(status).toHaveText(/Sökningen innehöll bara vanliga ord/);
  // Cleared: the whole shared space again, newest first.
  await search.fill('');
  await expect(status).toHaveText(/Publicerade analyser: \d+/);
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test('a school leader gets no search of the shared space', async ({ page }) => {
  await signIn(page, 'rektor.norrang@larkby.example');
  await page.goto(`${SHARED}?q=kamratrespons`);
  await expect(page.getByText('Du har inte behörighet att se eller göra det här.')).toBeVisible();
  await expect(page.getByText(/snigelberättelse/i)).toHaveCount(0);
  const res = await page.request.post('/graphql', {
    data: {
      query: `query($c: ID!) { searchSharedSpace(cohortId: $c, query: "snigelberättelse") { totalCount } }`,
      variables: { c: COHORT_ID },
    },
  });
  const body = (await res.json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(body.data).toBeNull();
});
