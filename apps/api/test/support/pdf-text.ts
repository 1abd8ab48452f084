import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of a PDF, read back with PDF.js (the `unpdf` build, no Debian package needed): all pages
 * joined, runs of white space as one space, so a test can look for a sentence across line breaks.
 */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' ').trim(), pages: totalPages };
}
