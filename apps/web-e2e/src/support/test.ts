import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Console messages by which Chromium reports a Content-Security-Policy violation. */
const CSP_VIOLATION = /Content[ -]Security[ -]Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i;

/**
 * Playwright's `test` with one automatic check on every page of every test, including pages of
 * contexts a test opens itself (a second device): the browser reported no Content-Security-Policy
 * violation (the API serves the app with a strict CSP, issue 11). Every spec imports `test` and
 * `expect` from here.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page, browser }, use) => {
      const violations: string[] = [];
      const watch = (p: Page) =>
        p.on('console', (message) => {
          if (CSP_VIOLATION.test(message.text())) violations.push(`${p.url()}: ${message.text()}`);
        });
      watch(page);
      page.context().on('page', watch);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const context = await newContext(...args);
        context.on('page', watch);
        return context;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
