import { COURSE_TIME_ZONE } from '@stl/shared/domain';
import { escapeHtml as e } from '@stl/mail/util-templates';
import type { CaughtMessage } from './message-store';

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: COURSE_TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'medium',
});
const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(bytes / 1024)} kB`;
  return `${numberFormat.format(bytes / 1024 / 1024)} MB`;
}

const time = (d: Date): string => `<time datetime="${e(d.toISOString())}">${e(timeFormat.format(d))}</time>`;

const STYLE = `
body{margin:0;font-family:system-ui,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;background:#f9fafb}
a{color:#1d4ed8}
a:focus-visible,button:focus-visible,input:focus-visible,iframe:focus-visible,main:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
header{background:#1f2937;color:#fff;padding:1rem 1.5rem}
header a{color:#fff}
header p{margin:.25rem 0}
main{padding:1rem 1.5rem;max-width:70rem}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #d1d5db;padding:.5rem;text-align:left;vertical-align:top}
.tools{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:0 0 1rem}
.tools form{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}
label{display:block;font-weight:bold}
input[type=search]{font:inherit;padding:.4rem;border:1px solid #6b7280;border-radius:4px;min-width:18rem}
button{font:inherit;padding:.45rem 1rem;border:1px solid #1d4ed8;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
button.danger{background:#fff;color:#b91c1c;border-color:#b91c1c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;background:#fff;padding:1rem;border:1px solid #d1d5db}
dt{font-weight:bold}
dd{margin:0;overflow-wrap:anywhere}
iframe{width:100%;height:70vh;border:1px solid #6b7280;background:#fff;resize:vertical}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d1d5db;padding:1rem}
`;

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} – STL mejlfångare</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Hoppa till innehållet</a>
<header>
<p><strong><a href="/">STL-plattformens mejlfångare</a></strong></p>
<p>Utvecklingsverktyg: mejl som skickas hit sparas i minnet och skickas aldrig vidare.</p>
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

export function listPage(messages: CaughtMessage[], total: number, query: string, smtpPort: number): string {
  const rows = messages
    .map(
      (m) => `<tr>
<td>${time(m.receivedAt)}</td>
<td>${e((m.to.length ? m.to : m.envelope.to).join(', '))}</td>
<td><a href="/messages/${e(m.id)}">${m.subject ? e(m.subject) : '<em>(inget ämne)</em>'}</a></td>
<td>${m.attachments.length}</td>
</tr>`,
    )
    .join('\n');
  const caption = query
    ? `${messages.length} av ${total} mejl matchar ”${e(query)}”, nyaste först`
    : `${total} mejl, nyaste först (de senaste 500 sparas)`;
  const table =
    messages.length === 0
      ? `<p>${query ? 'Inga mejl matchar sökningen.' : `Inga mejl ännu. Skicka ett till SMTP-servern på 127.0.0.1:${smtpPort}.`}</p>`
      : `<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">Mottaget</th><th scope="col">Till</th><th scope="col">Ämne</th><th scope="col">Bilagor</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(
    'Mottagna mejl',
    `<h1>Mottagna mejl</h1>
<div class="tools">
<form method="get" action="/" role="search">
<div><label for="q">Sök på mottagare, avsändare eller ämne</label>
<input id="q" name="q" type="search" value="${e(query)}"></div>
<button type="submit">Sök</button>
</form>
<p><a href="/">Uppdatera listan</a></p>
<form method="post" action="/messages/delete">
<button type="submit" class="danger">Töm inkorgen</button>
</form>
</div>
${table}`,
  );
}

/** http(s) links in the mail, to open outside the sandboxed preview. */
export function linksIn(m: CaughtMessage): string[] {
  const decode = (s: string): string =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const fromHtml = [...(m.html ?? '').matchAll(/href\s*=\s*"([^"]*)"/gi)].map((x) => decode(x[1] ?? ''));
  const fromText = [...(m.text ?? '').matchAll(/https?:\/\/[^\s<>"')]+/g)].map((x) => x[0]);
  return [...new Set([...fromHtml, ...fromText])].filter((u) => /^https?:\/\//i.test(u));
}

export function messagePage(m: CaughtMessage): string {
  const facts: [string, string][] = [
    ['Från', e(m.from)],
    ['Till', e(m.to.join(', '))],
    ...(m.cc.length ? ([['Kopia', e(m.cc.join(', '))]] as [string, string][]) : []),
    ['Kuvert', `${e(m.envelope.from)} → ${e(m.envelope.to.join(', '))}`],
    ['Mottaget', time(m.receivedAt)],
    ['Storlek', e(formatSize(m.raw.length))],
  ];
  const links = linksIn(m);
  const html = m.html
    ? `<iframe sandbox="" srcdoc="${e(m.html)}" title="HTML-versionen av mejlet" referrerpolicy="no-referrer"></iframe>
<p>Förhandsvisningen körs utan skript och formulär. Länkarna finns också nedan.</p>`
    : '<p>Mejlet har ingen HTML-version.</p>';
  const attachments = m.attachments.length
    ? `<ul>${m.attachments
        .map(
          (a, i) =>
            `<li><a href="/messages/${e(m.id)}/attachments/${i}" download="${e(a.filename)}">${e(a.filename)}</a> (${e(a.contentType)}, ${e(formatSize(a.size))})</li>`,
        )
        .join('')}</ul>`
    : '<p>Inga bilagor.</p>';
  return page(
    m.subject || '(inget ämne)',
    `<p><a href="/">← Tillbaka till alla mejl</a></p>
<h1>${m.subject ? e(m.subject) : '<em>(inget ämne)</em>'}</h1>
<dl>
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}
</dl>
<nav aria-label="På den här sidan"><ul>
<li><a href="#html-version">HTML-version</a></li>
<li><a href="#text-version">Textversion</a></li>
<li><a href="#links">Länkar (${links.length})</a></li>
<li><a href="#attachments">Bilagor (${m.attachments.length})</a></li>
<li><a href="#headers">Huvuden</a></li>
</ul></nav>
<section aria-labelledby="html-version"><h2 id="html-version">HTML-version</h2>
${html}
</section>
<section aria-labelledby="text-version"><h2 id="text-version">Textversion</h2>
${m.text ? `<pre>${e(m.text)}</pre>` : '<p>Mejlet har ingen textversion.</p>'}
</section>
<section aria-labelledby="links"><h2 id="links">Länkar i mejlet</h2>
${links.length ? `<ul>${links.map((u) => `<li><a href="${e(u)}" target="_blank" rel="noopener noreferrer">${e(u)}</a></li>`).join('')}</ul>` : '<p>Inga länkar.</p>'}
</section>
<section aria-labelledby="attachments"><h2 id="attachments">Bilagor</h2>
${attachments}
</section>
<section aria-labelledby="headers"><h2 id="headers">Huvuden</h2>
<pre>${e(m.headers.map((h) => h.line).join('\n'))}</pre>
<p><a href="/messages/${e(m.id)}/source" download="mejl-${e(m.id)}.eml">Ladda ner hela mejlet (.eml)</a></p>
</section>`,
  );
}

export function notFoundPage(): string {
  return page(
    'Hittades inte',
    '<h1>Hittades inte</h1><p>Mejlet finns inte (längre). <a href="/">Till alla mejl</a></p>',
  );
}
