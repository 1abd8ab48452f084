import { expect } from '@playwright/test';

/** The mail catcher the test platform sends its mail to (see start-test-platform.ts). */
export const MAIL_CATCHER_URL = `http://127.0.0.1:${process.env['E2E_MAIL_PORT']}`;

export interface CaughtMailSummary {
  id: string;
  to: string;
  subject: string;
}

/**
 * Waits until a mail to `address` whose subject matches has arrived in the catcher (the platform
 * delivers through its outbox workers, so it takes a moment), and returns its summary; the test can
 * then open `${MAIL_CATCHER_URL}/messages/${id}` in the browser as a person would.
 */
export async function waitForMail(address: string, subject: RegExp): Promise<CaughtMailSummary> {
  let found: CaughtMailSummary | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${MAIL_CATCHER_URL}/api/messages`);
        const list = (await response.json()) as { id: string; to: unknown; subject: string }[];
        const hit = list.find((m) => JSON.stringify(m.to).includes(address) && subject.test(m.subject));
        found = hit ? { id: hit.id, to: address, subject: hit.subject } : undefined;
        return Boolean(found);
      },
      { message: `a mail to ${address} matching ${subject}`, timeout: 30_000 },
    )
    .toBe(true);
  return found as CaughtMailSummary;
}

/** The single-use link to `path` (the token after #) in the text of a caught mail. */
export async function linkIn(mailId: string, path: string): Promise<string> {
  const mail = (await (await fetch(`${MAIL_CATCHER_URL}/api/messages/${mailId}`)).json()) as { text: string };
  const match = new RegExp(`https?://\\S*${path}#[A-Za-z0-9_-]+`).exec(mail.text);
  expect(match, `a ${path} link in the mail`).not.toBeNull();
  return (match as RegExpExecArray)[0];
}
