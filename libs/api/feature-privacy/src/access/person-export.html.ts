import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '@stl/mail/util-templates';
import type { PersonExport } from './person-export.service';

type Lang = 'sv' | 'en';

/** Headings of the sections and fields; a key without one is shown as it is. */
const LABELS: Record<Lang, Record<string, string>> = {
  sv: {
    title: 'Dina uppgifter i STL-plattformen',
    intro:
      'Allt plattformen har sparat om dig, så som det var när filen skapades. Samma uppgifter finns maskinläsbara i data.json.',
    about: 'Om filen',
    person: 'Person',
    roles: 'Roller',
    certifications: 'STL-certifieringar',
    sessions: 'Inloggningar (sessioner)',
    singleSignOn: 'Inloggning via organisationen',
    accountLinks: 'Länkar som skickats till dig',
    notificationPreferences: 'E-postinställningar',
    cohortMemberships: 'Utbildningsomgångar',
    attendance: 'Närvaro',
    attendanceRecordedForOthers: 'Närvaro du registrerat för andra (antal)',
    analyses: 'Analyser',
    attachments: 'Bifogade filer',
    reviewTasks: 'Kritisk vän-uppdrag',
    feedbackGiven: 'Återkoppling du gett',
    feedbackReceived: 'Återkoppling du fått',
    replies: 'Svar och kommentarer',
    allocationsApplied: 'Fördelningar du genomfört',
    templateVersions: 'Analysmallsversioner du skapat',
    mail: 'E-post till dig',
    privacyLog: 'Utdrag och radering',
    calendarFeed: 'Kalenderlänk',
    selfAssessments: 'Självskattningar',
    none: 'Inget',
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    title: 'Your data in the STL platform',
    intro:
      'Everything the platform holds about you, as it was when this file was made. The same data is machine-readable in data.json.',
    about: 'About this file',
    person: 'Person',
    roles: 'Roles',
    certifications: 'STL certifications',
    sessions: 'Sign-ins (sessions)',
    singleSignOn: 'Sign-in through your organisation',
    accountLinks: 'Links sent to you',
    notificationPreferences: 'Mail settings',
    cohortMemberships: 'Cohorts',
    attendance: 'Attendance',
    attendanceRecordedForOthers: 'Attendance you recorded for others (count)',
    analyses: 'Analyses',
    attachments: 'Attached files',
    reviewTasks: 'Critical-friend tasks',
    feedbackGiven: 'Feedback you gave',
    feedbackReceived: 'Feedback you received',
    replies: 'Replies and comments',
    allocationsApplied: 'Allocations you applied',
    templateVersions: 'Template versions you made',
    mail: 'Mail to you',
    privacyLog: 'Exports and erasure',
    calendarFeed: 'Calendar link',
    selfAssessments: 'Self-assessments',
    none: 'None',
    yes: 'Yes',
    no: 'No',
  },
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function when(value: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(value));
}

/** Analysis answers are stored sanitised (ADR 0021); they are sanitised again here, to the same few tags. */
function richText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote'],
    allowedAttributes: {},
  });
}

function value(v: unknown, lang: Lang, key = ''): string {
  const t = LABELS[lang];
  if (v === null || v === undefined || v === '') return `<span class="none">–</span>`;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'number') return escapeHtml(v);
  if (v instanceof Date) return escapeHtml(when(v.toISOString(), lang));
  if (typeof v === 'string') return ISO.test(v) ? escapeHtml(when(v, lang)) : escapeHtml(v);
  if (Array.isArray(v)) {
    if (!v.length) return `<span class="none">${t.none}</span>`;
    if (v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => value(x, lang)).join(', ');
    return `<ol>${v.map((x) => `<li>${value(x, lang)}</li>`).join('')}</ol>`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return `<span class="none">${t.none}</span>`;
  return `<dl>${entries
    .map(
      ([k, x]) =>
        `<dt>${escapeHtml(t[k] ?? k)}</dt><dd>${key === 'answers' && typeof x === 'string' ? `<div class="answer">${richText(x)}</div>` : value(x, lang, k)}</dd>`,
    )
    .join('')}</dl>`;
}

/**
 * The access export as one self-contained HTML page: no script, no external resource (the styles
 * are inline, and the page is served with a sandboxing CSP), readable in any browser and printable.
 */
export function personExportHtml(doc: PersonExport, locale: string): string {
  const lang: Lang = locale === 'en' ? 'en' : 'sv';
  const t = LABELS[lang];
  const sections = Object.entries(doc)
    .map(
      ([key, v]) =>
        `<section aria-labelledby="s-${escapeHtml(key)}"><h2 id="s-${escapeHtml(key)}">${escapeHtml(t[key] ?? key)}</h2>${value(v, lang, key)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(t.title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #999;margin-top:2rem}
dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0}ol>li{margin-bottom:1rem}.none{color:#555}
.answer{border-left:3px solid #999;padding-left:.75rem}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
${sections}
</main>
</body>
</html>
`;
}
