import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';

/**
 * The audit log page (issue 12, ADR 0029): the administrator Åsa Lind finds her own sign-in, narrows
 * the log to sign-ins with the filters, which go into the URL and into the download links.
 */
test('an administrator searches the audit log and downloads what she found', async ({ page }) => {
  await signInAsDemo(page, 'Åsa Lind');
  await page.goto('/admin');
  await page.locator('#main').getByRole('link', { name: 'Granskningslogg', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningslogg' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await checkPage(page, 'admin-audit');

  await page.getByLabel('Händelse', { exact: true }).selectOption('SIGN_IN');
  await page.getByLabel('Utfall', { exact: true }).selectOption('SUCCESS');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/kind=SIGN_IN/);
  await expect(page).toHaveURL(/outcome=SUCCESS/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toHaveAttribute('data-kind', 'SIGN_IN');
  await expect(page.locator('[data-testid="audit-row"]:not([data-kind="SIGN_IN"])')).toHaveCount(0);
  await expect(rows.first().getByRole('link', { name: /^Åsa Lind/ })).toBeVisible();
  await expect(page.getByTestId('export-csv')).toHaveAttribute(
    'href',
    /\/export\/organisations\/[0-9a-f-]+\/audit\.csv\?kind=SIGN_IN&outcome=SUCCESS$/,
  );

  // Only her own lines: the name is a link that filters by person; the page keeps it after a reload.
  await rows
    .first()
    .getByRole('link', { name: /^Åsa Lind/ })
    .click();
  await expect(page).toHaveURL(/actor=/);
  await page.reload();
  await expect(page.getByTestId('audit-actor-filter')).toContainText('Bara det som Åsa Lind gjort.');
  await expect(page.getByLabel('Händelse', { exact: true })).toHaveValue('SIGN_IN');
  const csv = await page.request.get((await page.getByTestId('export-csv').getAttribute('href')) as string);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('method=PASSWORD');
});
