import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { MAIL_CATCHER_URL, waitForMail } from './support/mail';
import { startSecondApi, withDatabase } from './support/second-api';
import type { SecondApi } from './support/second-api';

/**
 * The cohort at a glance (issue 19): the demo cohort's matrix fits a laptop screen, a cell's details
 * open in a side panel, and the course leader nudges three overdue participants in one action during
 * the quiet hours. The shared platform sends mail at any hour (other specs read theirs at once), so
 * the quiet-hours part runs through a second API process of this spec's own, on the same database
 * and mail catcher, with MAIL_QUIET_HOURS set so that "now" is inside them.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const COHORT = 'STL Lärkby 2026/27';
const LEADER = { name: 'Maria Berg', email: 'maria.berg@larkby.example' };
const PASSWORD = 'stl-demo-2026';
/** Three participants no other spec reminds or uses in the demo cohort; round 3's deadline has passed, none has published. */
const LATE = [
  { name: 'Ulf Sandberg', email: 'ulf.sandberg@larkby.example' },
  { name: 'Amina Yusuf', email: 'amina.yusuf@larkby.example' },
  { name: 'Viktor Lund', email: 'viktor.lund@larkby.example' },
];

/** Quiet hours from the minute before now (Stockholm) until 07:00, so now is inside them (any minute but 07:00). */
function quietHoursAroundNow(): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const minuteOfDay =
    Number(parts.find((p) => p.type === 'hour')?.value) * 60 +
    Number(parts.find((p) => p.type === 'minute')?.value);
  const start = (minuteOfDay + 1439) % 1440;
  const hm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hm(start)}-07:00`;
}

/** The page itself does not scroll at this size: only the table scrolls, inside its region. */
async function expectPageFits(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollHeight: (document.scrollingElement as Element).scrollHeight,
    innerHeight: window.innerHeight,
  }));
  expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
}

/** From the leader's home, as a leader goes there. */
async function openMatrix(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Öppna uppföljningen per deltagare och omgång' }).click();
  await expect(page.getByRole('table')).toBeVisible();
}

test('the matrix of the demo cohort fits 1366×768; details open in a side panel', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsDemo(page, LEADER.name);
  await openMatrix(page);
  await expect(page.getByTestId('matrix-row')).toHaveCount(24);
  await checkPage(page, 'matrix-at-a-glance');
  await expectPageFits(page);
  const lastRow = page.getByTestId('matrix-row').last();
  await lastRow.scrollIntoViewIfNeeded();
  await expect(page.getByRole('columnheader', { name: /Deltagare/ })).toBeInViewport();

  // A cell's details: a modal side panel; focus moves into it, Esc closes it and focus comes back.
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Ulf Sandberg/ }) });
  const cell = row.getByRole('button', { name: /Ulf Sandberg, analys 3/ });
  await expect(cell).toContainText('Inte påbörjad');
  await cell.click();
  const panel = page.getByRole('dialog', { name: 'Ulf Sandberg' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: /Analys 3: Inte påbörjad/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Stäng' })).toBeFocused();
  await checkPage(page, 'matrix-details-panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(cell).toBeFocused();
  await signOut(page);
});

test.describe('reminding during the quiet hours', () => {
  let quiet: SecondApi;

  test.beforeAll(async ({ baseURL }) => {
    quiet = await startSecondApi({ MAIL_QUIET_HOURS: quietHoursAroundNow() }, baseURL as string);
  });
  test.afterAll(async () => {
    await quiet?.stop();
  });

  test('nudges three overdue participants in one action, sees "07.00", the mail has Reply-To the leader and the task', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    // The leader works on the replica with quiet hours (same database, same people).
    await page.goto(`${quiet.url}/sign-in`);
    await page.getByLabel('E-post').fill(LEADER.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Hej / })).toBeVisible();
    await openMatrix(page);

    // The quick choice takes everyone late in round 3; the leader keeps just three of them.
    await page.getByLabel('Försenade i').selectOption({ label: 'Analys 3' });
    await page.getByRole('button', { name: 'Välj alla försenade' }).click();
    await expect(page.getByTestId('nudge-message')).toContainText(
      'försenade med sitt eget arbete i analys 3',
    );
    await page.getByRole('button', { name: 'Avmarkera alla' }).click();
    for (const p of LATE) await page.getByRole('checkbox', { name: `Välj ${p.name}` }).check();
    await page.getByRole('button', { name: 'Påminn valda (3)' }).click();

    const composer = page.getByRole('dialog', { name: 'Påminn 3 deltagare' });
    await expect(composer).toBeVisible();
    for (const p of LATE) await expect(composer).toContainText(p.name);
    await composer
      .getByLabel('Några ord till deltagarna (valfritt)')
      .fill('Hej! Analys 3 saknas. Svara gärna på mejlet.');
    await checkPage(page, 'matrix-nudge-composer');
    await composer.getByRole('button', { name: 'Skicka påminnelsen till 3' }).click();
    await expect(composer).toBeHidden();
    await expect(page.getByTestId('nudge-message')).toContainText('Påminnelserna skickas kl. 07.00');
    await expect(page.getByTestId('nudge-message')).toContainText('(3 st.)');
    await expectPageFits(page);
    await checkPage(page, 'matrix-nudged-quiet-hours');

    // The mail waits for 07:00. The test stands in for the clock: it moves the three messages' time
    // to now (outbox row and delivery job), and the workers deliver them as they would at 07:00.
    const released = await withDatabase(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE outbox_message o SET not_before = now()
           FROM person p
          WHERE p.id = o.recipient_id AND o.kind = 'NUDGE' AND o.status = 'PENDING'
            AND o.not_before > now() AND p.email = ANY($1::text[])
          RETURNING o.id`,
        [LATE.map((p) => p.email)],
      );
      await db.query(
        `UPDATE pgboss.job SET start_after = now() WHERE name = 'mail-deliver' AND data->>'outboxId' = ANY($1::text[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
    expect(released).toBe(3);

    for (const p of LATE) {
      const mail = await waitForMail(p.email, new RegExp(`^${LEADER.name} påminner dig om ${COHORT}$`));
      const detail = (await (await fetch(`${MAIL_CATCHER_URL}/api/messages/${mail.id}`)).json()) as {
        text: string;
        headers: { key: string; line: string }[];
      };
      const replyTo = detail.headers.find((h) => h.key === 'reply-to')?.line ?? '';
      expect(replyTo).toContain(LEADER.email);
      expect(replyTo).toContain(LEADER.name);
      expect(detail.text).toContain('Svara gärna på mejlet.');
      // The button opens the overdue task itself: the analysis editor of the oldest late round.
      expect(detail.text).toMatch(/https?:\/\/\S+\/cohorts\/[0-9a-f-]+\/rounds\/[0-9a-f-]+\/analysis/);
    }
  });
});
