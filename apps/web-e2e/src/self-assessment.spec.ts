import { Client } from 'pg';
import ical from 'node-ical';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo, signInWithPassword } from './support/checks';
import { platformState } from './support/second-api';

/**
 * Issue 14: a teacher answers the self-assessment at the start of a cohort from the home page's
 * prompt, then makes and copies their private calendar link in the settings; the link serves
 * their meetings to a real iCal parser. Then the administrator follows the answers up: Tove's are
 * withheld, a group under five. Tove Ek (made here, whom no other spec knows) takes part in a
 * cohort that opened yesterday, so its start-of-year questionnaire is open whatever the date.
 */
test.describe.configure({ mode: 'serial' });

const EMAIL = 'tove.ek@larkby.example';

test.beforeAll(async () => {
  const db = new Client({ connectionString: platformState().databaseUrl });
  await db.connect();
  try {
    const [org] = (
      await db.query(`SELECT organisation_id AS id FROM person WHERE email = 'sofia.axelsson@larkby.example'`)
    ).rows;
    const [school] = (
      await db.query(`SELECT id FROM school WHERE organisation_id = $1 AND name = 'Norrängsskolan'`, [org.id])
    ).rows;
    const [person] = (
      await db.query(
        `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
         SELECT organisation_id, $1, 'Tove Ek', $2, password_hash FROM person WHERE email = 'sofia.axelsson@larkby.example'
         RETURNING id`,
        [EMAIL, school.id],
      )
    ).rows;
    await db.query(`INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, 'TEACHER', $2)`, [
      person.id,
      org.id,
    ]);
    const [cohort] = (
      await db.query(
        `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, status, opened_at)
         VALUES ($1, 'STL Norräng vår', '2026/27', current_date - 1, current_date + 200, 'OPEN', now()) RETURNING id`,
        [org.id],
      )
    ).rows;
    await db.query(
      `INSERT INTO cohort_membership (cohort_id, person_id, role, school_id) VALUES ($1, $2, 'PARTICIPANT', $3)`,
      [cohort.id, person.id, school.id],
    );
    await db.query(
      `INSERT INTO meeting (cohort_id, number, title, starts_at, ends_at, mode, video_url)
       VALUES ($1, 1, 'Uppstart', date_trunc('hour', now()) + interval '7 days', date_trunc('hour', now()) + interval '7 days 2 hours', 'DIGITAL', 'https://meet.larkby.example/stl')`,
      [cohort.id],
    );
  } finally {
    await db.end();
  }
});

test('a teacher answers the self-assessment and copies their calendar link', async ({ page, context }) => {
  await signInWithPassword(page, 'Tove Ek', EMAIL);

  // The home page asks for the start-of-year self-assessment.
  const prompt = page.getByTestId('self-assessment-prompt');
  await expect(prompt).toContainText('Självskattning: Före');
  await expect(prompt).toContainText('STL Norräng vår');
  await checkPage(page, 'self-assessment-home');
  await prompt.getByRole('link', { name: 'Svara på självskattningen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Självskattning' })).toBeVisible();
  const statements = page.locator('fieldset[data-testid^="statement-"]');
  await expect(statements).toHaveCount(8);
  await expect(statements.first()).toContainText('digitala verktyg');

  // Sending with a statement unanswered says so and keeps what was chosen.
  await statements.nth(0).getByLabel('4').check();
  await page.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByRole('alert')).toHaveText('Svara på alla påståenden.');
  await checkPage(page, 'self-assessment-form');
  for (let i = 1; i < 8; i++)
    await statements
      .nth(i)
      .getByLabel(i % 2 ? '3' : '5 – stämmer helt')
      .check();
  await expect(statements.nth(0).getByLabel('4')).toBeChecked();
  await page.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tack! Dina svar är sparade.' })).toBeVisible();

  // Back home: answered, with a way to change the answers while it is open.
  await page.getByRole('link', { name: 'Till startsidan' }).click();
  await expect(prompt).toContainText('Du har svarat.');

  // The calendar link, from the e-mail settings.
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  await page.getByRole('link', { name: 'Prenumerera på dina träffar och deadlines i din kalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min kalenderlänk' })).toBeVisible();
  await expect(page.getByText('Du har ingen kalenderlänk ännu.')).toBeVisible();
  await page.getByTestId('calendar-renew').click();
  const field = page.getByLabel('Din kalenderlänk');
  await expect(field).toBeFocused();
  const url = await field.inputValue();
  expect(url).toMatch(/\/export\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('calendar-copy').click();
  await expect(page.getByRole('status').filter({ hasText: 'Länken är kopierad.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await checkPage(page, 'settings-calendar');

  // The link works without a session, and a calendar reads the meeting in Stockholm time.
  const feed = await page.request.get(new URL(new URL(url).pathname, page.url()).toString(), {
    headers: { cookie: '' },
  });
  expect(feed.status()).toBe(200);
  const events = Object.values(ical.sync.parseICS(await feed.text())).filter((c) => c?.type === 'VEVENT');
  expect(events.map((e) => (e as { summary: string }).summary)).toContain(
    'Träff 1: Uppstart (STL Norräng vår)',
  );

  // In English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'My calendar link' })).toBeVisible();
  await checkPage(page, 'settings-calendar-en');
});

test('the administrator follows the self-assessment up, never seeing one teacher’s answers', async ({
  page,
}) => {
  await signInAsDemo(page, 'Åsa Lind');
  await page.getByRole('link', { name: 'Självskattning före och efter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Självskattning före och efter' })).toBeVisible();
  await expect(page.getByText(/Grupper med färre än 5 svarande visas inte/)).toBeVisible();

  // Tove Ek is the only one to have answered in her cohort and at her school: both are withheld,
  // her numbers are nowhere on the page.
  for (const group of ['STL Norräng vår', 'Norrängsskolan']) {
    const table = page.getByRole('table', { name: new RegExp(`^${group}`) });
    await expect(table.locator('caption')).toContainText('Svarande före: färre än 5, efter: 0');
    await expect(table.locator('tbody tr')).toHaveCount(8);
    for (const cell of await table.locator('tbody td:nth-of-type(1)').allTextContents())
      expect(cell.trim()).toBe('färre än 5');
  }
  await expect(page.locator('main')).not.toContainText(/\b[345],00\b/);
  await checkPage(page, 'self-assessment-results');

  await page.getByRole('link', { name: 'Redigera påståendena' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Självskattningens påståenden' })).toBeVisible();
  await expect(page.getByLabel('Påstående 1 på svenska')).toHaveValue(/digitala verktyg/);
  await checkPage(page, 'self-assessment-questions');

  await page.goBack();
  await page.getByTestId('language-switch').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Self-assessment before and after' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: /^Norrängsskolan/ }).locator('caption')).toContainText(
    'Respondents before: fewer than 5, after: 0',
  );
  await checkPage(page, 'self-assessment-results-en');
  await page.getByTestId('language-switch').click();
});
