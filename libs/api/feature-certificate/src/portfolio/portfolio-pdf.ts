import { stockholmDate } from '@stl/shared/domain';
import { FONT, renderPdf } from '../pdf/pdf-document';
import type { Portfolio } from './portfolio.service';

const WORDS = {
  sv: {
    title: 'Min portfolio',
    course: 'Skriva sig till lärande (STL)',
    cohort: 'Utbildningsomgång',
    schoolYear: 'Läsår',
    organisation: 'Huvudman',
    round: (n: number, title: string) => `Analysomgång ${n}: ${title}`,
    version: (v: number, date: string) => `Version ${v}, publicerad ${date}`,
    notPublished: 'Ingen publicerad analys i den här omgången.',
    feedback: 'Återkoppling',
    noFeedback: 'Ingen återkoppling ännu.',
    from: (name: string, leader: boolean, date: string, v: number) =>
      `${leader ? 'Kursledare' : 'Kritisk vän'} ${name}, ${date} (på version ${v})`,
    section: (title: string) => `Om avsnittet: ${title}`,
    worksWell: 'Det här fungerar bra',
    questions: 'Frågor att fundera på',
    nextSteps: 'Förslag på nästa steg',
    reply: (date: string) => `Mitt svar, ${date}`,
    reflection: 'Avslutande reflektion',
    noReflection: 'Ingen avslutande reflektion skriven ännu.',
  },
  en: {
    title: 'My portfolio',
    course: 'Skriva sig till lärande (STL)',
    cohort: 'Cohort',
    schoolYear: 'School year',
    organisation: 'Organisation',
    round: (n: number, title: string) => `Analysis round ${n}: ${title}`,
    version: (v: number, date: string) => `Version ${v}, published ${date}`,
    notPublished: 'No published analysis in this round.',
    feedback: 'Feedback',
    noFeedback: 'No feedback yet.',
    from: (name: string, leader: boolean, date: string, v: number) =>
      `${leader ? 'Course leader' : 'Critical friend'} ${name}, ${date} (on version ${v})`,
    section: (title: string) => `On the section: ${title}`,
    worksWell: 'What works well',
    questions: 'Questions to consider',
    nextSteps: 'Suggestions for next steps',
    reply: (date: string) => `My reply, ${date}`,
    reflection: 'Closing reflection',
    noReflection: 'No closing reflection written yet.',
  },
} as const;

/**
 * The teacher's portfolio as a PDF in their language: a title page block, then each round in order
 * with the analysis as last published, the feedback received and the teacher's replies, and the
 * closing reflection at the end.
 */
export function portfolioPdf(p: Portfolio, lang: 'sv' | 'en'): Promise<Buffer> {
  const w = WORDS[lang];
  const date = (d: Date) => stockholmDate(d);
  return renderPdf(
    { title: `${w.title} – ${p.ownerName}`, author: p.ownerName, subject: p.cohortName, lang },
    (doc) => {
      const heading = (text: string, size: number) => {
        doc.moveDown(0.6);
        doc.font(FONT.bold).fontSize(size).fillColor('#000000').text(text);
        doc.moveDown(0.2);
      };
      const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
        doc.font(FONT.regular).fontSize(10.5).fillColor('#000000').text(text, options);
      const muted = (text: string) => doc.font(FONT.regular).fontSize(9.5).fillColor('#444444').text(text);

      doc.font(FONT.bold).fontSize(24).text(w.title);
      doc.font(FONT.regular).fontSize(13).text(p.ownerName);
      doc.moveDown(0.4);
      muted(w.course);
      muted(`${w.cohort}: ${p.cohortName}`);
      muted(`${w.schoolYear}: ${p.schoolYear}`);
      muted(`${w.organisation}: ${p.organisationName}`);

      for (const e of p.entries) {
        heading(w.round(e.number, e.title), 15);
        if (!e.published || e.version === null || !e.publishedAt) {
          muted(w.notPublished);
          continue;
        }
        muted(w.version(e.version, date(e.publishedAt)));
        for (const s of e.sections) {
          doc.moveDown(0.3);
          doc.font(FONT.bold).fontSize(11).fillColor('#000000').text(s.title);
          body(s.text || '–');
        }
        heading(w.feedback, 12.5);
        if (!e.feedback.length) muted(w.noFeedback);
        for (const f of e.feedback) {
          doc.moveDown(0.3);
          doc
            .font(FONT.bold)
            .fontSize(10.5)
            .fillColor('#000000')
            .text(w.from(f.authorName, f.kind === 'LEADER', date(f.givenAt), f.version));
          if (f.sectionTitle) muted(w.section(f.sectionTitle));
          for (const [label, text] of [
            [w.worksWell, f.worksWell],
            [w.questions, f.questions],
            [w.nextSteps, f.nextSteps],
          ] as const) {
            doc.font(FONT.bold).fontSize(10).text(label);
            body(text);
          }
          for (const r of f.replies) {
            doc.moveDown(0.2);
            doc
              .font(FONT.bold)
              .fontSize(10)
              .fillColor('#1a4d2e')
              .text(w.reply(date(r.writtenAt)), { indent: 18 });
            body(r.body, { indent: 18 });
          }
        }
      }
      heading(w.reflection, 15);
      if (p.reflection) body(p.reflection);
      else muted(w.noReflection);
    },
  );
}
