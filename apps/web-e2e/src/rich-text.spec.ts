import { expect, test } from './support/test';
import type { Locator, Page } from '@playwright/test';
import { checkPage, signInAsDemo, signOut } from './support/checks';
import { fillSection } from './support/editor';

/**
 * Writing with formatting (issue 18): a teacher writes a section with a sub-heading, bold text, a
 * bulleted list and a link using the toolbar and shortcuts, pastes from Word (only the allowed
 * formatting is kept), publishes; a critical friend sees the formatting in the shared space and on
 * the feedback page. Uses its own teachers (Emma Karlsson, Nils Gustafsson), whom no other spec uses.
 */
test.describe.configure({ mode: 'serial' });

/** The demo seed's fixed ids: the open cohort and its third round (opened 11 Nov 2026). */
const COHORT_ID = '00000000-0000-4000-8004-000000000001';
const ROUND_ID = '00000000-0000-4000-8007-000000000003';
const EDITOR = `/cohorts/${COHORT_ID}/rounds/${ROUND_ID}/analysis`;
const AUTHOR = 'Emma Karlsson'; // Ekbackeskolan
const FRIEND = 'Nils Gustafsson'; // Solviksskolan

/** What Word (Microsoft 365) puts on the clipboard, trimmed: namespaces, Mso classes, styles, o:p, a typed bullet. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><style>p.MsoNormal{margin:0cm;font-family:"Calibri"}</style></head><body lang=SV>
<!--StartFragment--><h1><span style='mso-fareast-font-family:"Times New Roman"'>Lektionens upplägg<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-size:11.0pt;color:#1F3864'>Eleverna skrev <b><span style='mso-bidi-font-weight:normal'>berättande texter</span></b> i par.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><!--[endif]-->Skriva på dator<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><!--[endif]-->Respons i par<o:p></o:p></p>
<p class=MsoNormal style='background:yellow'><span style='font-family:"Comic Sans MS"'>Färg och typsnitt försvinner.</span><img src="file:///C:/clip_image001.png"><o:p></o:p></p><!--EndFragment--></body></html>`;

const EMAIL: Record<string, string> = {
  [AUTHOR]: 'emma.karlsson@larkby.example',
  [FRIEND]: 'nils.gustafsson@larkby.example',
};

let analysisId = '';

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(EMAIL[name]);
  await page.getByLabel('Lösenord').fill('stl-demo-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible();
}

async function paste(page: Page, editor: Locator, html: string): Promise<void> {
  await editor.click();
  await editor.evaluate((el, data) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/html', data);
    clipboard.setData('text/plain', 'fallback');
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
    );
  }, html);
}

/** The formatting a reader must see, wherever the analysis is shown. */
async function expectFormatting(text: Locator): Promise<void> {
  await expect(text.getByRole('heading', { level: 3, name: 'Mål och kriterier' })).toBeVisible();
  await expect(text.locator('strong', { hasText: 'faktatexter' })).toBeVisible();
  await expect(text.getByRole('listitem').filter({ hasText: 'inledning' })).toBeVisible();
  await expect(text.getByRole('listitem').filter({ hasText: 'avslutning' })).toBeVisible();
  await expect(text.getByRole('link', { name: 'https://skolverket.se' })).toHaveAttribute(
    'href',
    'https://skolverket.se',
  );
  await expect(text.getByRole('heading', { level: 3, name: 'Lektionens upplägg' })).toBeVisible();
  await expect(text.locator('strong', { hasText: 'berättande texter' })).toBeVisible();
  await expect(text.getByRole('listitem').filter({ hasText: 'Respons i par' })).toBeVisible();
  const answers = text.locator('.analysis__text');
  await expect(answers.locator('[style], [class], img, span, table')).toHaveCount(0);
}

test('a teacher writes with formatting, pastes from Word and publishes', async ({ page }) => {
  await signIn(page, AUTHOR);
  await page.goto(EDITOR);
  // The round's default title only repeats its number: "Analys 3", not "Analys 3: Analys 3".
  await expect(page.getByRole('heading', { level: 1, name: 'Analys 3', exact: true })).toBeVisible();
  // Each page names itself in the tab (the route's translated title).
  await expect(page).toHaveTitle('Skriv analys – STL');

  // A sub-heading from the toolbar, bold with Ctrl+B, a bulleted list from the toolbar.
  const goals = page.locator('#section-goals');
  const toolbar = page.getByRole('toolbar', { name: 'Formatering av Mål för eleverna' });
  await goals.click();
  await toolbar.getByRole('button', { name: 'Underrubrik' }).click();
  await expect(toolbar.getByRole('button', { name: 'Underrubrik' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.insertText('Mål och kriterier');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Eleverna skulle skriva ');
  await page.keyboard.press('ControlOrMeta+B');
  await expect(toolbar.getByRole('button', { name: 'Fet' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.insertText('faktatexter');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.insertText(' med');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Punktlista' }).click();
  await page.keyboard.insertText('inledning');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('avslutning');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // A link through the dialog (Ctrl+K); only http(s) and e-mail addresses are taken.
  await page.keyboard.insertText('Läs ');
  await page.keyboard.press('ControlOrMeta+K');
  const dialog = page.getByRole('dialog', { name: 'Lägg till länk' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Adress').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Spara länken' }).click();
  await expect(dialog.getByText('Skriv en webbadress som börjar med https://')).toBeVisible();
  await checkPage(page, 'editor-link-dialog');
  await dialog.getByLabel('Adress').fill('skolverket.se');
  await dialog.getByRole('button', { name: 'Spara länken' }).click();
  await expect(dialog).toBeHidden();
  await expect(goals.getByRole('link', { name: 'https://skolverket.se' })).toBeVisible();

  // Pasted from Word: the heading, bold text and list are kept; styles, classes, images and Office tags are not.
  const plan = page.locator('#section-plan');
  await paste(page, plan, WORD_HTML);
  await expect(plan.locator('h3')).toHaveText('Lektionens upplägg');
  await expect(plan.locator('strong')).toHaveText('berättande texter');
  await expect(plan.locator('ul > li')).toHaveText(['Skriva på dator', 'Respons i par']);
  await expect(plan).toContainText('Färg och typsnitt försvinner.');
  const pasted = await plan.innerHTML();
  expect(pasted).not.toMatch(/mso|Mso|o:p|style=|<span|<img|Calibri|Comic|·/);

  for (const key of ['outcome', 'evidence', 'effect', 'next'])
    await fillSection(page, key, `${AUTHOR}: avsnitt ${key}.`);
  // The word count below each section (announced politely once typing settles).
  await expect(page.locator('.rte__count').nth(4)).toHaveText(/^\s*4 ord\s*$/);
  await expect(page.getByTestId('autosave')).toHaveText(/^\s*Sparat \d{2}\.\d{2}\s*$/);
  await checkPage(page, 'editor-rich-text');

  // Reloaded: what the server stored is what was written.
  await page.reload();
  await expect(page.locator('#section-goals h3')).toHaveText('Mål och kriterier');
  await expect(page.locator('#section-plan ul > li')).toHaveCount(2);

  await page.getByLabel('Jag intygar att ingen elev kan identifieras i texten.').check();
  await page.getByRole('button', { name: /^Publicera/ }).click();
  await expect(page.getByTestId('published')).toContainText('Analysen är publicerad');
  await signOut(page);
});

test('a critical friend sees the formatting', async ({ page }) => {
  await signIn(page, FRIEND);
  await page.goto(`/cohorts/${COHORT_ID}/shared`);
  await page.getByRole('link', { name: `${AUTHOR} – analys 3` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${AUTHOR} – analys 3` })).toBeVisible();
  analysisId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page).toHaveTitle('Analys – STL');
  await expectFormatting(page.locator('article.analysis'));
  await checkPage(page, 'analysis-read-rich-text');
  await signOut(page);

  // The course leader makes Nils a critical friend of the analysis (allocation is tested elsewhere).
  await signInAsDemo(page, 'Maria Berg');
  const res = await page.request.post('/graphql', {
    data: {
      query: `query ($c: ID!) { cohortProgress(cohortId: $c, first: 100) { nodes { person { id fullName } } } }`,
      variables: { c: COHORT_ID },
    },
  });
  const body = (await res.json()) as {
    data: { cohortProgress: { nodes: { person: { id: string; fullName: string } }[] } };
  };
  const friend = body.data.cohortProgress.nodes.find((n) => n.person.fullName === FRIEND);
  expect(friend).toBeDefined();
  const added = await page.request.post('/graphql', {
    data: {
      query: `mutation ($a: ID!, $p: ID!) { addReviewer(analysisId: $a, reviewerId: $p) { id } }`,
      variables: { a: analysisId, p: friend?.person.id },
    },
  });
  const addedBody = (await added.json()) as { errors?: { extensions?: { code?: string } }[] };
  if (addedBody.errors) expect(addedBody.errors[0].extensions?.code).toBe('DUPLICATE_ASSIGNMENT');
  await signOut(page);

  await signIn(page, FRIEND);
  await page.goto(`/cohorts/${COHORT_ID}/feedback/analyses/${analysisId}`);
  await expect(page.getByLabel('Det här fungerar bra')).toBeVisible();
  await expect(page).toHaveTitle('Ge återkoppling – STL');
  await expectFormatting(page.getByTestId('analysis-text'));
  await checkPage(page, 'feedback-form-rich-text');
});
