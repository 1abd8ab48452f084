import { expect, test } from './support/test';
import { checkPage, signOut } from './support/checks';

test.describe('sign-in', () => {
  test('is served with a strict Content-Security-Policy that refuses injected scripts', async ({ page }) => {
    const response = await page.goto('/sign-in');
    const csp = response?.headers()['content-security-policy'] ?? '';
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('notices a CSP violation (an injected inline script) and fails the test', async ({ page }) => {
    // The automatic check in support/test.ts must turn this test red: that is what it expects.
    test.fail();
    await page.goto('/sign-in');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    // Not signed in: the home page sends us to sign in.
    await expect(page).toHaveURL(/\/sign-in$/);
    await checkPage(page, 'sign-in');

    // Tab from the top of the page to the e-mail field, in a sensible order.
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(
        () => document.activeElement?.id || document.activeElement?.textContent?.trim(),
      );
      order.push(id ?? '');
      if (id === 'sign-in-email') break;
    }
    expect(order[0]).toBe('Hoppa till innehållet');
    expect(order.at(-1)).toBe('sign-in-email');

    await page.keyboard.type('sara.lindqvist@larkby.example');
    await page.keyboard.press('Tab');
    await expect(page.locator('#sign-in-password')).toBeFocused();
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');

    // A plain sentence, focused for screen readers, never the raw code.
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('E-postadressen och lösenordet stämmer inte');
    await expect(summary).toBeFocused();
    await expect(page.locator('body')).not.toContainText('INVALID_CREDENTIALS');
    await checkPage(page, 'sign-in-error');

    await page.locator('#sign-in-password').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('stl-demo-2026');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Hej Sara!' })).toBeVisible();
    await signOut(page);
  });

  test('explains empty fields beside each field', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page.locator('#sign-in-email-error')).toHaveText(/Skriv en giltig e-postadress/);
    await expect(page.locator('#sign-in-password-error')).toHaveText('Skriv ditt lösenord.');
    await expect(page.locator('#sign-in-email')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'sign-in-empty');
  });
});
