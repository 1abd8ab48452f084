import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';

/**
 * Privacy (issue 12, ADR 0030): a teacher downloads her data from the settings; the administrator
 * downloads a person's data, erases a person made for this spec (a wrong confirmation first), sets
 * the retention schedule and reads it back in the record of processing, then sets it back.
 * Touches no demo account's data, so later specs see the demo as it was.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = Date.now().toString(36).slice(-5);

async function download(page: Page, name: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  expect(await file.failure()).toBeNull();
  return file;
}

test('a teacher downloads everything the platform holds about her from the settings', async ({ page }) => {
  await signInAsDemo(page, 'Sara Lindqvist');
  await page.goto('/settings/notifications');
  await page.getByRole('link', { name: 'Ladda ner mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
  await checkPage(page, 'privacy-my-data');

  const json = await download(page, 'Maskinläsbar fil (JSON)');
  expect(json.suggestedFilename()).toMatch(/^Personuppgifter Sara Lindqvist \d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(doc.person).toMatchObject({ fullName: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.example' });
  expect(doc.cohortMemberships.length).toBeGreaterThan(0);
  expect(Array.isArray(doc.analyses)).toBe(true);

  const html = await download(page, 'Läsbar sida (HTML)');
  const page2 = readFileSync(await html.path(), 'utf8');
  expect(page2).toContain('<h1>Dina uppgifter i STL-plattformen</h1>');
  expect(page2).not.toMatch(/<script/i);

  const zip = await download(page, 'Allt i en ZIP-fil, med dina bifogade filer');
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  expect(
    readFileSync(await zip.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
  await signOut(page);
});

test('an administrator exports and erases a person, and sets the retention schedule', async ({ page }) => {
  await signInAsDemo(page, 'Åsa Lind');
  // A person of the organisation to erase, made for this spec.
  const viewer = await page.request.post('/graphql', {
    data: { query: '{ me { person { organisationId } } }' },
  });
  const organisationId = (await viewer.json()).data.me.person.organisationId;
  const made = await page.request.post('/graphql', {
    data: {
      query: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      variables: {
        input: {
          organisationId,
          fullName: `Erik Raderas ${RUN}`,
          email: `erik.raderas.${RUN}@larkby.example`,
          roles: [{ role: 'TEACHER' }],
        },
      },
    },
  });
  const personId = (await made.json()).data.createPerson.id;

  await page.goto(`/admin/people/${personId}`);
  await page.getByTestId('person-privacy-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personuppgifter' })).toBeVisible();
  await expect(page.getByText(`Utdrag och radering för Erik Raderas ${RUN}.`)).toBeVisible();
  const json = await download(page, 'Maskinläsbar fil (JSON)');
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(doc.about.by).toBe('ADMINISTRATOR');
  expect(doc.person.fullName).toBe(`Erik Raderas ${RUN}`);
  await checkPage(page, 'privacy-person');

  const confirmation = page.getByLabel('Skriv personens namn för att bekräfta');
  await confirmation.fill('Erik');
  await page.getByRole('button', { name: 'Radera uppgifterna' }).click();
  await expect(page.getByText('Bekräftelsen stämmer inte med personens namn.')).toBeVisible();
  await confirmation.fill(`Erik Raderas ${RUN}`);
  await page.getByRole('button', { name: 'Radera uppgifterna' }).click();
  await expect(page.getByTestId('erase-status')).toContainText(
    'Uppgifterna är raderade. Personen visas nu som Borttagen person',
  );
  await checkPage(page, 'privacy-person-erased');
  await page.goto(`/admin/people/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Borttagen person [0-9a-f]{8}$/ })).toBeVisible();

  // The retention schedule, and the record of processing generated from it.
  await page.goto('/admin');
  await page.locator('#main').getByRole('link', { name: 'Gallringsplan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gallringsplan' })).toBeVisible();
  const published = page.getByLabel('Publicerade analyser, återkoppling och svar');
  await expect(published).toHaveValue('');
  await published.fill('24');
  await page.getByRole('button', { name: 'Spara gallringsplanen' }).click();
  await expect(page.getByTestId('retention-status')).toHaveText('Gallringsplanen är sparad.');
  await checkPage(page, 'privacy-retention');

  await page.goto('/admin/record-of-processing');
  await expect(page.getByRole('heading', { level: 1, name: 'Registerförteckning' })).toBeVisible();
  await expect(page.getByTestId('record-kept-PUBLISHED_WORK')).toHaveText(
    'Gallras 24 månader efter att utbildningsomgången arkiverats',
  );
  await expect(page.getByTestId('record-kept-ATTENDANCE')).toHaveText(
    'Sparas tills organisationen beslutar om gallring',
  );
  // The self-assessment and the audit log are listed too, with their fixed rules.
  await expect(page.getByTestId('record-kept-AUDIT_LOG')).toHaveText(
    'Sparas tills vidare och kan inte ändras eller tas bort i efterhand.',
  );
  await expect(page.getByTestId('record-kept-SELF_ASSESSMENT')).toHaveText(
    'Så länge utbildningsomgången finns.',
  );
  await checkPage(page, 'privacy-record-of-processing');

  // Back as it was, for the specs after this one.
  await page.goto('/admin/retention');
  await page.getByLabel('Publicerade analyser, återkoppling och svar').fill('');
  await page.getByRole('button', { name: 'Spara gallringsplanen' }).click();
  await expect(page.getByTestId('retention-status')).toHaveText('Gallringsplanen är sparad.');
  await signOut(page);
});
