import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** A4 with margins of 2 cm. */
export const PAGE = { size: 'A4', margin: 57 } as const;

/** The fonts every PDF is set in: DejaVu Sans covers the Latin, Greek and Cyrillic names people have. */
export const FONT = { regular: 'Body', bold: 'Body-Bold' } as const;

let fontFiles: { regular: string; bold: string } | undefined;

/**
 * The font files of the `dejavu-fonts-ttf` package, found at run time beside this code (in the
 * built API too, where node_modules stay outside the bundle). pdfkit's built-in Helvetica only
 * knows Windows-1252, which would print names such as "Jovanović" or "Łukasz" wrongly.
 */
function fonts(): { regular: string; bold: string } {
  if (!fontFiles) {
    const req = createRequire(__filename);
    fontFiles = {
      regular: req.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      bold: req.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    };
  }
  return fontFiles;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  lang: 'sv' | 'en';
}

/**
 * Makes a PDF in memory: `draw` writes the pages on a pdfkit document set up with our fonts,
 * A4 and the document's title, author and language (read aloud by screen readers).
 */
export function renderPdf(info: PdfInfo, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: PAGE.size,
      margin: PAGE.margin,
      lang: info.lang === 'sv' ? 'sv-SE' : 'en-GB',
      displayTitle: true,
      bufferPages: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject ?? info.title, Creator: 'STL' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const f = fonts();
      doc.registerFont(FONT.regular, f.regular);
      doc.registerFont(FONT.bold, f.bold);
      doc.font(FONT.regular);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Draws a QR code for `text` as vector squares (sharp at any print size) with its top-left corner
 * at (x, y) and the given width, quiet zone included.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const cell = width / (size + 2 * quiet);
  doc.save();
  doc.rect(x, y, width, width).fill('#ffffff');
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
