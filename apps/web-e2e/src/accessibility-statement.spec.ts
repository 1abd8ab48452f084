import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * The accessibility statement (issue 12): reached from the footer of every page, signed out and
 * signed in, in Swedish and English, with Digg's sections and the link to Digg's form.
 */
test('the footer leads to the accessibility statement, signed out and signed in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page).toHaveURL(/\/tillganglighet$/);
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
