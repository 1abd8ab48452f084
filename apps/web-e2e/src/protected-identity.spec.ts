import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * Protected identity (issue 12, ADR 0031): the administrator Åsa Lind adds a person, marks them as
 * having protected personal data on their page, sees the pseudonym others will see, and clears
 * the mark again. A person of its own, so no other spec meets a pseudonym. What peers, other
 * schools' leaders, mail and exports then show is covered by
 * apps/api/test/protected-identity.int-spec.ts.
 */
test.describe.configure({ timeout: 120_000 });

const RUN = Date.now().toString(36).slice(-5);
const PERSON = `Skyddad Testperson ${RUN}`;
const EMAIL = `skyddad.${RUN}@larkby.example`;

test('an administrator marks a person as protected and sees the pseudonym others get', async ({ page }) => {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Lägg till en person' }).click();
  await page.getByLabel('Namn', { exact: true }).fill(PERSON);
  await page.getByLabel('E-postadress').fill(EMAIL);
  await page.getByRole('button', { name: 'Lägg till personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON })).toBeVisible();

  const section = page.getByTestId('protected-identity');
  await expect(section.getByRole('heading', { level: 2, name: 'Skyddade personuppgifter' })).toBeVisible();
  await expect(section).toContainText('Inte markerad.');

  await section.getByRole('button', { name: 'Markera som skyddad' }).click();
  await expect(section.getByRole('status')).toHaveText(`${PERSON} är markerad som skyddad.`);
  await expect(section).toContainText(/Markerad: andra ser Deltagare [A-Z2-9]{4}\./);
  const pseudonym = ((await section.textContent()) ?? '').match(/Deltagare [A-Z2-9]{4}/)?.[0] ?? '';
  await checkPage(page, 'admin-person-protected');

  // The mark is stored: it is there after a reload, with the same pseudonym.
  await page.reload();
  await expect(page.getByTestId('protected-identity')).toContainText(`Markerad: andra ser ${pseudonym}.`);

  await page.getByTestId('protected-identity').getByRole('button', { name: 'Ta bort markeringen' }).click();
  await expect(page.getByTestId('protected-identity').getByRole('status')).toHaveText(
    'Markeringen är borttagen.',
  );
  await expect(page.getByTestId('protected-identity')).toContainText('Inte markerad.');
});
