import { expect, test } from './support/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { MAIL_CATCHER_URL, waitForMail } from './support/mail';

/**
 * The accessibility statement (issue 12): reached from the footer of every page, signed out and
 * signed in, in Swedish and English, with Digg's sections and the link to Digg's form.
 */
test('the footer leads to the accessibility statement, signed out and signed in', async ({ page }) => {
  await page.goto('/sign-in');
  const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' });
  // The link says where the reader came from, so a report can start with it.
  await expect(footerLink).toHaveAttribute('href', '/tillganglighet?sida=%2Fsign-in');
  await footerLink.click();
  await expect(page).toHaveURL(/\/tillganglighet\?sida=%2Fsign-in$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tillgänglighet för STL-plattformen' }),
  ).toBeVisible();
  for (const heading of [
    'Hur tillgänglig är webbplatsen?',
    'Vad kan du göra om du inte kan använda delar av webbplatsen?',
    'Rapportera brister i webbplatsens tillgänglighet',
    'Tillsyn',
    'Teknisk information om webbplatsens tillgänglighet',
    'Hur vi testat webbplatsen',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByTestId('digg-link')).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await expect(page.getByTestId('a11y-dates')).toContainText('Senaste bedömningen gjordes den 2026-12-06.');
  await expect(page.getByText(/^Din huvudman står bakom STL-plattformen/)).toBeVisible();
  await checkPage(page, 'accessibility-statement-sv');

  await page.getByTestId('language-switch').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Accessibility of the STL platform' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Supervision' })).toBeVisible();
  await checkPage(page, 'accessibility-statement-en');
  await page.getByTestId('language-switch').click();

  // Signed in: the statement names the organisation, and the footer is there on every page.
  await signInAsDemo(page, 'Sara Lindqvist');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByText(/^Lärkby kommun står bakom STL-plattformen/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hem', exact: true })).toBeVisible();
});

test('anyone reports an accessibility problem, and the organisation gets it by mail', async ({ page }) => {
  // Signed out: the reporter chooses the organisation, writes what is wrong, and leaves an address.
  await page.goto('/sign-in');
  const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' });
  await expect(footerLink).toHaveAttribute('href', /sida=/);
  await footerLink.click();
  await expect(page.getByLabel('Var finns problemet? (valfritt)')).toHaveValue('/sign-in');
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  // Nothing typed: told what to fix, beside the field and in the summary, and nothing is sent.
  await expect(page.getByRole('alert')).toContainText('Beskriv problemet med minst 10 tecken.');
  const organisation = page.getByLabel('Organisation (huvudman)');
  await organisation.selectOption({ label: 'Lärkby kommun' });
  await page
    .getByLabel('Vad fungerar inte?')
    .fill('Fokusmarkeringen syns inte på knappen "Logga in" i Firefox med hög kontrast.');
  await page.getByLabel('Ditt namn (valfritt)').fill('Eva Öberg');
  await page.getByLabel('Din e-postadress (valfritt)').fill('eva.oberg@example.org');
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  await expect(page.getByTestId('a11y-report-sent')).toContainText(
    'Tack! Din rapport har skickats till Lärkby kommun.',
  );
  await expect(page.getByTestId('a11y-report-sent')).toContainText(
    'Du får svar till den e-postadress du angav.',
  );
  await checkPage(page, 'accessibility-report-sent');
  const toAdmin = await waitForMail('admin@larkby.example', /^Tillgänglighetsproblem rapporterat/);
  const mail = (await (await fetch(`${MAIL_CATCHER_URL}/api/messages/${toAdmin.id}`)).json()) as {
    text: string;
  };
  expect(mail.text).toContain('Fokusmarkeringen syns inte på knappen "Logga in"');
  expect(mail.text).toContain('eva.oberg@example.org');

  // The administrator names who receives the reports from now on.
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Tillgänglighetsrapporter' }).click();
  await expect(page.getByTestId('a11y-contact-now')).toContainText('Ingen är namngiven');
  await page.getByLabel('E-postadress till den som tar emot rapporterna').fill('ingen.alls@larkby.example');
  await page.getByTestId('a11y-contact-save').click();
  await expect(page.getByRole('alert')).toContainText(
    'Ingen aktiv person i organisationen har den e-postadressen.',
  );
  await page.getByLabel('E-postadress till den som tar emot rapporterna').fill('maria.berg@larkby.example');
  await page.getByTestId('a11y-contact-save').click();
  await expect(page.getByTestId('a11y-contact-now')).toContainText('Rapporterna går nu till Maria Berg');
  await checkPage(page, 'admin-accessibility-contact');

  // Signed in, a teacher reports to her own organisation without choosing it; Maria gets it.
  await signOut(page);
  await signInAsDemo(page, 'Sara Lindqvist');
  await page.goto('/tillganglighet');
  await expect(page.getByLabel('Organisation (huvudman)')).toHaveCount(0);
  await page.getByLabel('Vad fungerar inte?').fill('Skärmläsaren läser inte upp rubrikerna i analysmallen.');
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  await expect(page.getByTestId('a11y-report-sent')).toContainText('Du angav ingen e-postadress');
  await waitForMail('maria.berg@larkby.example', /^Tillgänglighetsproblem rapporterat/);

  // Back to the administrators, so other tests find the platform as it was.
  await signOut(page);
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin/accessibility');
  await page.getByLabel('E-postadress till den som tar emot rapporterna').fill('');
  await page.getByTestId('a11y-contact-save').click();
  await expect(page.getByTestId('a11y-contact-now')).toContainText('Ingen är namngiven');
});
