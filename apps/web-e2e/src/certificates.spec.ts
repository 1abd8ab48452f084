import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Client } from 'pg';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './support/test';
import { checkPage, signInWithPassword, signOut } from './support/checks';
import { withDatabase } from './support/second-api';

/**
 * Certificates of completion (issue 14, ADR 0032): a course leader issues the certificates of a
 * completed cohort in bulk, a participant downloads hers from her portfolio page, and the public
 * verification page says "valid" for her code and "not valid" for a forged one and, after the
 * leader revoked it, for hers; each page in English too. Runs on a cohort and people made for
 * this spec (of no school, a finished year written straight into the database), so the demo's
 * schools and cohort stay as they were for the other specs.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = Date.now().toString(36).slice(-5);
const LEADER = { name: `Lena Kursledare${RUN}`, email: `lena.${RUN}@larkby.example` };
const HOLDER = { name: `Petra Intygsdóttir${RUN}`, email: `petra.${RUN}@larkby.example` };
const PEER = { name: `Pelle Kamrat${RUN}`, email: `pelle.${RUN}@larkby.example` };
const COHORT_NAME = `STL Intygsgruppen ${RUN}`;

let cohortId = '';
let code = '';

async function addPerson(db: Client, p: { name: string; email: string }, role: string): Promise<string> {
  const [row] = (
    await db.query(
      `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
       SELECT organisation_id, $1, $2, NULL, password_hash FROM person WHERE email = 'sara.lindqvist@larkby.example'
       RETURNING id, organisation_id`,
      [p.email, p.name],
    )
  ).rows;
  await db.query(`INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, $2, $3)`, [
    row.id,
    role,
    row.organisation_id,
  ]);
  return row.id as string;
}

/** A completed cohort: six rounds, the holder published all six, each with leader and peer feedback. */
async function finishedYear(db: Client): Promise<string> {
  const leader = await addPerson(db, LEADER, 'COURSE_LEADER');
  const holder = await addPerson(db, HOLDER, 'TEACHER');
  const peer = await addPerson(db, PEER, 'TEACHER');
  const [demo] = (
    await db.query(
      `SELECT c.organisation_id, r.template_version_id
         FROM cohort c JOIN analysis_round r ON r.cohort_id = c.id
        WHERE c.name = 'STL Lärkby 2026/27' LIMIT 1`,
    )
  ).rows;
  const [cohort] = (
    await db.query(
      `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, status, required_attendance_share, opened_at, completed_at)
       VALUES ($1, $2, '2025/26', '2025-08-18', '2026-06-10', 'COMPLETED', 0, '2025-08-18', '2026-06-12') RETURNING id`,
      [demo.organisation_id, COHORT_NAME],
    )
  ).rows;
  await db.query(
    `INSERT INTO cohort_membership (cohort_id, person_id, role, school_id)
     VALUES ($1, $2, 'LEADER', NULL), ($1, $3, 'PARTICIPANT', NULL), ($1, $4, 'PARTICIPANT', NULL)`,
    [cohort.id, leader, holder, peer],
  );
  for (let n = 1; n <= 6; n++) {
    const opens = new Date(Date.UTC(2025, 7 + n, 1, 8)).toISOString();
    const [round] = (
      await db.query(
        `INSERT INTO analysis_round (cohort_id, number, title, template_version_id, opens_at, submission_deadline, feedback_deadline)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz + interval '14 days', $5::timestamptz + interval '21 days') RETURNING id`,
        [cohort.id, n, `Analys ${n}`, demo.template_version_id, opens],
      )
    ).rows;
    const [analysis] = (
      await db.query(
        `INSERT INTO analysis (round_id, cohort_id, author_id, school_id, status, draft_answers, draft_revision, published_version, first_published_at, last_published_at)
         VALUES ($1, $2, $3, $4, 'PUBLISHED', '[]'::jsonb, 1, 1, now(), now()) RETURNING id`,
        [round.id, cohort.id, holder, null],
      )
    ).rows;
    const [version] = (
      await db.query(
        `INSERT INTO analysis_version (analysis_id, version, answers, privacy_confirmed_at)
         VALUES ($1, 1, '[]'::jsonb, now()) RETURNING id`,
        [analysis.id],
      )
    ).rows;
    for (const [reviewer, kind] of [
      [leader, 'LEADER'],
      [peer, 'PEER'],
    ]) {
      await db.query(
        `WITH made AS (
           INSERT INTO review_assignment (round_id, cohort_id, analysis_id, reviewer_id, kind, source, completed_at)
           VALUES ($1, $2, $3, $4, $5, 'MANUAL', now()) RETURNING id)
         INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
         SELECT made.id, $3, $6, $4, $5, 'Tydlig analys.', 'Vad hände sedan?', 'Prova igen.' FROM made`,
        [round.id, cohort.id, analysis.id, reviewer, kind, version.id],
      );
    }
  }
  return cohort.id as string;
}

async function expectVerdict(page: Page, typed: string, heading: RegExp): Promise<void> {
  await page.getByLabel('Intygets kod').fill(typed);
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(heading);
}

test.beforeAll(async () => {
  cohortId = await withDatabase(finishedYear);
});

test('a course leader issues the certificates of a completed cohort in one go', async ({ page }) => {
  await signInWithPassword(page, LEADER.name, LEADER.email);
  await page.goto(`/cohorts/${cohortId}`);
  await page.getByRole('link', { name: 'Kursintyg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursintyg' })).toBeVisible();
  const holderRow = page.getByTestId('certificate-row').filter({ hasText: HOLDER.name });
  await expect(holderRow).toContainText('Genomförd, inget intyg ännu');
  await expect(page.getByTestId('certificate-row').filter({ hasText: PEER.name })).toContainText(
    'Inte genomförd',
  );
  await checkPage(page, 'certificates-before');

  await page.getByTestId('issue-certificates').click();
  await expect(page.getByTestId('certificates-notice')).toHaveText('1 intyg utfärdades.');
  await expect(holderRow).toContainText('Intyg utfärdat');
  code = ((await holderRow.locator('code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await checkPage(page, 'certificates-issued');

  // In English, then back to Swedish.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates of completion' })).toBeVisible();
  await expect(holderRow).toContainText('Certificate issued');
  await checkPage(page, 'certificates-issued-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursintyg' })).toBeVisible();
  await signOut(page);
});

test('the participant downloads her certificate from her portfolio page', async ({ page }) => {
  await signInWithPassword(page, HOLDER.name, HOLDER.email);
  await page.goto(`/cohorts/${cohortId}`);
  await page.getByRole('link', { name: 'Min portfolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min portfolio' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Analysomgång 6: Analys 6' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Avslutande reflektion' })
    .fill('Jag har lärt mig att ge och ta emot återkoppling.');
  await page.getByTestId('save-reflection').click();
  await expect(page.getByText('Reflektionen är sparad.')).toBeVisible();
  await checkPage(page, 'portfolio');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'My portfolio' })).toBeVisible();
  await checkPage(page, 'portfolio-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min portfolio' })).toBeVisible();

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-certificate').click(),
  ]);
  expect(await file.failure()).toBeNull();
  expect(file.suggestedFilename()).toMatch(/^Kursintyg .*\.pdf$/);
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(await file.path())));
  const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(text).toContain('Kursintyg');
  expect(text).toContain(HOLDER.name);
  expect(text).toContain(COHORT_NAME);
  expect(text).toContain(`Kursledare ${LEADER.name}`);
  expect(text).toContain(`Intygets kod: ${code}`);
  await signOut(page);
});

test('anyone checks a code: valid for hers, not valid for a forged one and once revoked', async ({
  page,
}) => {
  // The QR code's address, without signing in.
  await page.goto(`/intyg/${code.replace(/-/g, '')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera ett kursintyg' })).toBeVisible();
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Intyget är giltigt/);
  await expect(page.getByTestId('verdict-name')).toHaveText(HOLDER.name);
  await expect(page.getByTestId('verdict')).toContainText(COHORT_NAME);
  await expect(page.getByTestId('verdict')).toContainText('2025/26');
  await expect(page.getByTestId('verdict')).toContainText('Lärkby kommun');
  await checkPage(page, 'certificate-valid');

  const forged = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
  await expectVerdict(page, forged, /Intyget är inte giltigt/);
  await checkPage(page, 'certificate-not-valid');

  await signInWithPassword(page, LEADER.name, LEADER.email);
  await page.goto(`/cohorts/${cohortId}/certificates`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page
    .getByTestId('certificate-row')
    .filter({ hasText: HOLDER.name })
    .getByRole('button', { name: /^Återkalla/ })
    .click();
  await expect(page.getByTestId('certificates-notice')).toContainText('är återkallat');
  await signOut(page);

  await page.goto('/intyg');
  await expectVerdict(page, code.toLowerCase(), /Intyget är inte giltigt/);

  // The public check in English, for anyone who reads no Swedish.
  await page.getByTestId('language-switch').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check a certificate of completion' }),
  ).toBeVisible();
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/The certificate is not valid/);
  await checkPage(page, 'certificate-not-valid-en');
  await page.getByTestId('language-switch').click();
});
