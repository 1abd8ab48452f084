import { formatCertificateCode, stockholmDate } from '@stl/shared/domain';
import { FONT, drawQrCode, renderPdf } from '../pdf/pdf-document';

/** Everything a certificate of completion states (ADR 0032). */
export interface CertificatePdfData {
  code: string;
  holder: string;
  cohortName: string;
  schoolYear: string;
  organisation: string;
  meetingsAttended: number;
  meetingsPlanned: number;
  analysesCompleted: number;
  leaders: string[];
  issuedAt: Date;
  verifyUrl: string;
}

/** "2027-06-15" as Swedes write it in running text: "15 juni 2027". */
const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
export function swedishLongDate(at: Date): string {
  const [y, m, d] = stockholmDate(at).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * The certificate of completion as a one-page PDF, in Swedish: who completed which cohort of
 * Skriva sig till lärande, when and with whom, and the code with a QR code that leads to the
 * public verification page.
 */
export function certificatePdf(c: CertificatePdfData): Promise<Buffer> {
  const code = formatCertificateCode(c.code);
  return renderPdf(
    {
      title: `Kursintyg – ${c.holder}`,
      author: c.organisation,
      subject: 'Skriva sig till lärande (STL)',
      lang: 'sv',
    },
    (doc) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const left = doc.page.margins.left;
      doc.moveDown(3);
      doc.font(FONT.regular).fontSize(12).fillColor('#444444').text(c.organisation, { align: 'center' });
      doc.moveDown(1.5);
      doc.font(FONT.bold).fontSize(30).fillColor('#000000').text('Kursintyg', { align: 'center' });
      doc.moveDown(0.3);
      doc.font(FONT.regular).fontSize(14).text('Skriva sig till lärande (STL)', { align: 'center' });
      doc.moveDown(2.5);
      doc.font(FONT.bold).fontSize(22).text(c.holder, { align: 'center' });
      doc.moveDown(1.2);
      doc
        .font(FONT.regular)
        .fontSize(12)
        .text(
          `har genomgått kompetensutvecklingen Skriva sig till lärande (STL) i utbildningsomgången ` +
            `${c.cohortName}, läsåret ${c.schoolYear}, anordnad av ${c.organisation}.`,
          { align: 'center' },
        );
      doc.moveDown(2);
      const facts: [string, string][] = [
        ['Utbildningsomgång', c.cohortName],
        ['Läsår', c.schoolYear],
        ['Huvudman', c.organisation],
        ['Närvaro', `${c.meetingsAttended} av ${c.meetingsPlanned} gemensamma träffar`],
        [
          'Analyser',
          `${c.analysesCompleted} genomförda analyser enligt analysmallen, var och en med återkoppling från kursledare och kritiska vänner`,
        ],
        ['Kursledare', c.leaders.join(', ') || '–'],
        ['Utfärdat', swedishLongDate(c.issuedAt)],
      ];
      const labelWidth = 145;
      for (const [label, value] of facts) {
        const y = doc.y;
        doc.font(FONT.bold).fontSize(11).text(label, left, y, { width: labelWidth });
        doc
          .font(FONT.regular)
          .fontSize(11)
          .text(value, left + labelWidth, y, { width: width - labelWidth });
        doc.moveDown(0.5);
      }
      const qrSize = 110;
      const bottom = doc.page.height - doc.page.margins.bottom;
      const qrY = bottom - qrSize;
      drawQrCode(doc, c.verifyUrl, left, qrY, qrSize);
      const textX = left + qrSize + 16;
      doc
        .font(FONT.bold)
        .fontSize(11)
        .fillColor('#000000')
        .text(`Intygets kod: ${code}`, textX, qrY + 14, { width: width - qrSize - 16 });
      doc
        .font(FONT.regular)
        .fontSize(10)
        .text(
          `Kontrollera att intyget är giltigt genom att skanna QR-koden eller gå till ${c.verifyUrl}.`,
          textX,
          doc.y + 4,
          { width: width - qrSize - 16, lineBreak: true },
        );
    },
  );
}
