import { expect, test } from './support/test';
import { checkPage, signInAsDemo } from './support/checks';

/** Issue 18: at 375 px the header wrapped to three lines and had no menu. */
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test('on a phone the header is one line with a menu button that opens, closes with Esc and keeps focus', async ({
  page,
}) => {
  await signInAsDemo(page, 'Maria Berg');
  const header = page.locator('header.app-header');
  const menuButton = page.getByRole('button', { name: 'Meny' });
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  const home = menu.getByRole('link', { name: 'Hem' });

  // One line: brand and button side by side, the menu folded away.
  await expect(menuButton).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(menuButton).toHaveAttribute('aria-controls', 'app-menu');
  await expect(home).toBeHidden();
  expect((await header.boundingBox())?.height).toBeLessThan(80);

  // Keyboard: open with Enter, Tab into the menu, Esc closes and gives focus back to the button.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(home).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await checkPage(page, 'header-menu-open-375');
  await page.keyboard.press('Tab');
  await expect(home).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(home).toBeHidden();
  await expect(menuButton).toBeFocused();

  // Choosing a page closes the menu and moves focus to the new page's heading.
  await menuButton.click();
  await menu.getByRole('link', { name: 'Utbildningsomgångar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: 'Hem' })).toBeHidden();
});

test('on a wide screen the menu is shown as it is, with no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsDemo(page, 'Maria Berg');
  await expect(page.getByRole('button', { name: 'Meny' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hem' }),
  ).toBeVisible();
});
