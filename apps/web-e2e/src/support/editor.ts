import type { Page } from '@playwright/test';

/**
 * Replaces the text of one section in the analysis editor (a rich-text editor, #section-<key>) with
 * `text`, typed as a teacher would: blank lines start new paragraphs.
 */
export async function fillSection(page: Page, key: string, text: string): Promise<void> {
  const editor = page.locator(`#section-${key}`);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, paragraph] of text.split(/\n{2,}/).entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
}
