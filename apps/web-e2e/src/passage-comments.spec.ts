import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, signInWithPassword as signIn, signOut } from './support/checks';

/**
 * Comments on a passage (issue 18, ADR 0026): a participant publishes, a course leader selects
 * words in a section and comments on them with the mouse, and on another passage with the
 * keyboard only; after a reload the comments are still there, and the author sees each beside its
 * passage, which is marked in the text; on a narrow screen the comments stack under the section.
 * Uses round 1 of the demo cohort and people no other spec uses (Anders Berglund, Johan Ek as a
 * course leader of the cohort), so other spec files are not disturbed.
 */
test.describe.configure({ mode: 'serial' });

const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND_ID = '00000000-0000-4000-8007-000000000001';
const EDITOR = `/cohorts/${COHORT_ID}/rounds/${ROUND_ID}/analysis`;
const AUTHOR = 'Anders Berglund';
const SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];
const PLAN =
  'Eleverna i år 4 gav kamratrespons i par med två stjärnor och en önskan. Sedan skrev de om sina texter.';
const PASSAGE = 'kamratrespons i par';
const COMMENT = 'Hur förberedde du eleverna på att ge respons som hjälper?';
const NEXT_QUOTE = 'modellerar responsen i helklass';
const KEYBOARD_COMMENT = 'Bra nästa steg. Hur vet du att det hjälpte?';

let readPath = '';
let reviewPath = '';

/** Selects `words` in a section's text as a reader's mouse would, firing `selectionchange`. */
async function select(text: Locator, words: string): Promise<void> {
  await text.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in the section`);
  }, words);
}

function section(page: Page, key: string): { text: Locator; margin: Locator } {
  return {
    text: page.locator(`[data-passage-section="${key}"]`),
    margin: page.getByTestId(`margin-${key}`),
  };
}

test('a participant publishes an analysis', async ({ page }) => {
  await signIn(page, AUTHOR, 'anders.berglund@larkby.example');
  await page.goto(EDITOR);
  await expect(page.getByRole('heading', { level: 1, name: /^Analys 1/ })).toBeVisible();
  for (const key of SECTIONS) {
    const text =
      key === 'plan'
        ? PLAN
        : key === 'next'
          ? 'Nästa gång modellerar responsen i helklass innan eleverna arbetar i par.'
          : `Anders text om ${key}.`;
    await page.locator(`#section-${key}`).fill(text);
  }
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);
  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: 'Publicera analysen' }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad (version 1).');
  await page.goto(`/cohorts/${COHORT_ID}/shared`);
  await page.getByRole('link', { name: `${AUTHOR} – analys 1` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${AUTHOR} – analys 1` })).toBeVisible();
  readPath = new URL(page.url()).pathname;
  reviewPath = readPath.replace('/analyses/', '/feedback/analyses/');
  // The author does not comment on her own text, and nothing is marked yet.
  await expect(page.getByRole('button', { name: /Kommentera markerat/ })).toHaveCount(0);
  await expect(page.locator('mark')).toHaveCount(0);
  await signOut(page);
});

test('a course leader comments on a selected passage, and on another with the keyboard only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, 'Johan Ek', 'johan.ek@larkby.example');
  await page.goto(reviewPath);
  const plan = section(page, 'plan');
  await expect(plan.text).toContainText(PLAN);

  // With the mouse: select the words, then the button beside them.
  await select(plan.text, PASSAGE);
  await page.getByRole('button', { name: 'Kommentera markerat i ”Planering och genomförande”' }).click();
  await expect(plan.margin.getByTestId('selected-passage')).toHaveText(PASSAGE);
  await plan.margin.getByRole('textbox', { name: 'Kommentar', exact: true }).fill(COMMENT);
  await plan.margin.getByRole('button', { name: 'Spara kommentar' }).click();
  await expect(plan.margin.getByTestId('passage-comment')).toContainText(COMMENT);
  await expect(plan.text.locator('mark')).toHaveText(PASSAGE);
  await checkPage(page, 'passage-comment-review');

  // With the keyboard only: Tab to the section's button, type the quote and the comment.
  const next = section(page, 'next');
  const button = page.getByTestId('comment-selected-next');
  await page.getByTestId('comment-selected-evidence').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  // The opened form takes the focus (its heading) after it renders; a person tabs on from there.
  await expect(next.margin.getByRole('heading', { name: 'Ny kommentar' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(next.margin.getByRole('textbox', { name: 'Citat ur avsnittet' })).toBeFocused();
  await page.keyboard.type('grupparbete');
  await page.keyboard.press('Tab');
  await page.keyboard.type(KEYBOARD_COMMENT);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // A quote that is not in the section: said in words, the comment kept in its field.
  await expect(next.margin.getByText('Citatet finns inte i avsnittet.')).toBeVisible();
  await expect(next.margin.getByRole('textbox', { name: 'Kommentar', exact: true })).toHaveValue(
    KEYBOARD_COMMENT,
  );
  await next.margin.getByRole('textbox', { name: 'Citat ur avsnittet' }).fill(NEXT_QUOTE);
  await next.margin.getByRole('textbox', { name: 'Citat ur avsnittet' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(next.margin.getByTestId('passage-comment')).toContainText(KEYBOARD_COMMENT);
  await expect(next.text.locator('mark')).toHaveText(NEXT_QUOTE);

  await page.reload();
  await expect(plan.margin.getByTestId('passage-comment')).toContainText(COMMENT);
  await expect(next.margin.getByTestId('passage-comment')).toContainText(KEYBOARD_COMMENT);
  await signOut(page);
});

test('the author sees each comment beside its marked passage, after a reload too', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, AUTHOR, 'anders.berglund@larkby.example');
  await page.goto(readPath);
  await page.reload();
  const plan = section(page, 'plan');
  const mark = plan.text.locator('mark');
  await expect(mark).toHaveText(PASSAGE);
  const note = plan.margin.getByTestId('passage-comment');
  await expect(note).toContainText(COMMENT);
  await expect(note).toContainText('Johan Ek');
  // The highlight is described by the comment, for screen readers.
  const describedBy = (await mark.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(COMMENT);
  // Beside it: in the margin to the right of the text, level with the section.
  const textBox = await plan.text.boundingBox();
  const noteBox = await note.boundingBox();
  expect(textBox && noteBox && noteBox.x >= textBox.x + textBox.width).toBe(true);
  expect(textBox && noteBox && noteBox.y < textBox.y + textBox.height + 80).toBe(true);
  // The author reads the comments; she neither edits nor deletes them.
  await expect(note.getByRole('button', { name: 'Ändra' })).toHaveCount(0);
  await note.getByRole('button', { name: 'Visa stället i texten' }).click();
  await expect(mark).toBeFocused();
  await checkPage(page, 'passage-comment-author');

  // On a narrow screen the comments stack under their section.
  await page.setViewportSize({ width: 375, height: 800 });
  const narrowText = await plan.text.boundingBox();
  const narrowNote = await note.boundingBox();
  expect(narrowText && narrowNote && narrowNote.y > narrowText.y + narrowText.height).toBe(true);
  await checkPage(page, 'passage-comment-author-narrow');
  await page.setViewportSize({ width: 1400, height: 900 });
  await signOut(page);
});
