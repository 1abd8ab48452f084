import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo } from './support/checks';
import { fillSection } from './support/editor';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('home and the analysis editor fit a phone (390×844)', async ({ page }) => {
  await signInAsDemo(page, 'Erik Johansson');
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await checkPage(page, 'mobile-home');

  await page
    .getByRole('link', { name: /^Skriv analys \d$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Analys \d/ })).toBeVisible();
  await fillSection(page, 'goals', 'Skrivet på mobilen.');
  await expect(page.getByTestId('autosave')).toHaveText(/Sparat \d{2}\.\d{2}/);
  await expectNoSidewaysScroll(page);
  await checkPage(page, 'mobile-editor');
});
