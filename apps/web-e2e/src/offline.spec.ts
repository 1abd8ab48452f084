import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';
import { fillSection } from './support/editor';

test('nothing typed is lost when the connection drops, even if the tab is closed', async ({
  page,
  context,
}) => {
  await signInAsDemo(page, 'Oskar Persson');
  await page
    .getByRole('link', { name: /^Skriv analys \d$/ })
    .first()
    .click();
  const autosave = page.getByTestId('autosave');
  await fillSection(page, 'goals', 'Först sparat.');
  await expect(autosave).toHaveText(/Sparat \d{2}\.\d{2}/);

  await context.setOffline(true);
  await fillSection(page, 'goals', 'Skrivet utan anslutning.');
  await expect(autosave).toHaveText(/Inte sparat – ingen anslutning/);
  await expect(page.getByText(/^Ingen anslutning till servern\./)).toBeVisible();
  await checkPage(page, 'editor-offline');

  // The tab is closed while offline; the text stays in this browser and is saved on return.
  const url = page.url();
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.locator('#section-goals')).toHaveText('Skrivet utan anslutning.');
  await expect(again.getByText(/^Text som inte hann sparas förra gången/)).toBeVisible();
  await expect(again.getByTestId('autosave')).toHaveText(/Sparat \d{2}\.\d{2}/);

  // The server has it now: a fresh load shows it without anything to restore.
  await again.reload();
  await expect(again.locator('#section-goals')).toHaveText('Skrivet utan anslutning.');
  await expect(again.getByText(/^Text som inte hann sparas/)).toHaveCount(0);
});
