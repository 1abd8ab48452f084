/**
 * Renders every kind of mail in Swedish and English with the demo data to tmp/mail-preview/
 * (<KIND>.<locale>.html and .txt, the meeting's .ics, and an index.html linking them all).
 * Usage: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scripts/mail-preview.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DEMO_BASE_URL,
  DEMO_MAIL_DATA,
  DEMO_RECIPIENTS,
  MAIL_KINDS,
  MAIL_LOCALES,
  demoMailContext,
  escapeHtml,
  meetingIcsAttachment,
  renderMail,
} from '@stl/mail/util-templates';
import type { MailDataByKind, MailKind } from '@stl/mail/util-templates';

const outDir = join(__dirname, '../../tmp/mail-preview');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const rows: string[] = [];
for (const kind of MAIL_KINDS) {
  const cells: string[] = [];
  for (const locale of MAIL_LOCALES) {
    const mail = renderMail(
      kind,
      DEMO_MAIL_DATA[kind] as MailDataByKind[MailKind],
      demoMailContext(kind, locale),
    );
    writeFileSync(join(outDir, `${kind}.${locale}.html`), mail.html);
    writeFileSync(join(outDir, `${kind}.${locale}.txt`), mail.text);
    const files = [`${kind}.${locale}.html`, `${kind}.${locale}.txt`];
    if (kind === 'MEETING_TOMORROW') {
      const ics = meetingIcsAttachment(DEMO_MAIL_DATA.MEETING_TOMORROW, { baseUrl: DEMO_BASE_URL, locale });
      writeFileSync(join(outDir, `${kind}.${locale}.ics`), ics.content);
      files.push(`${kind}.${locale}.ics`);
    }
    cells.push(
      `<td lang="${locale}">${escapeHtml(mail.subject)}<br>` +
        files
          .map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f.split('.').slice(-1)[0] ?? f)}</a>`)
          .join(' · ') +
        `</td>`,
    );
  }
  rows.push(
    `<tr><th scope="row">${escapeHtml(kind)}<br><small>${escapeHtml(DEMO_RECIPIENTS[kind].name)}</small></th>${cells.join('')}</tr>`,
  );
}

writeFileSync(
  join(outDir, 'index.html'),
  `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Förhandsvisning av mejl</title>
<style>body{font-family:Arial,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse}
th,td{border:1px solid #d1d5db;padding:.5rem;text-align:left;vertical-align:top}a{color:#1d4ed8}</style></head>
<body><main>
<h1>Förhandsvisning av mejl</h1>
<p>Alla sorters mejl med demodata från Lärkby kommun, på svenska och engelska.</p>
<table><caption>Mejl</caption>
<thead><tr><th scope="col">Sort och mottagare</th><th scope="col">Svenska</th><th scope="col">English</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</main></body></html>
`,
);

console.log(
  `Wrote ${MAIL_KINDS.length * MAIL_LOCALES.length} mails to ${relative(process.cwd(), outDir)}/index.html`,
);
