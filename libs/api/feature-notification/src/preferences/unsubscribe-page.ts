import { DICTIONARIES, MAIL_PATHS, MailKind, escapeHtml } from '@stl/mail/util-templates';
import type { MailLocale } from '@stl/mail/util-templates';

/** The small pages behind the unsubscribe link: confirm, done, and "this link does not work". */
const WORDS = {
  sv: {
    title: 'Mejlinställningar – STL-plattformen',
    confirmHeading: 'Stäng av mejl',
    confirm: (kind: string) => `Vill du sluta få mejl om ${kind}?`,
    confirmDigest: 'Vill du sluta få den dagliga sammanfattningen? Mejlen kommer då ett och ett i stället.',
    button: 'Ja, stäng av',
    doneHeading: 'Klart!',
    done: (kind: string) => `Du får inte längre mejl om ${kind}.`,
    doneDigest: 'Du får inte längre den dagliga sammanfattningen. Mejlen kommer ett och ett i stället.',
    again: 'Du kan slå på dem igen när du vill.',
    invalidHeading: 'Länken fungerar inte',
    invalid:
      'Länken är ogiltig, kanske för att den har ändrats eller kopierats ofullständigt. Ingenting har ändrats.',
    settings: 'Välj vilka mejl du vill få',
  },
  en: {
    title: 'Mail settings – STL platform',
    confirmHeading: 'Turn off e-mail',
    confirm: (kind: string) => `Do you want to stop getting e-mail about ${kind}?`,
    confirmDigest: 'Do you want to stop getting the daily summary? Mail will then arrive one by one instead.',
    button: 'Yes, turn it off',
    doneHeading: 'Done!',
    done: (kind: string) => `You will no longer get e-mail about ${kind}.`,
    doneDigest: 'You will no longer get the daily summary. Mail will arrive one by one instead.',
    again: 'You can turn it on again at any time.',
    invalidHeading: 'This link does not work',
    invalid:
      'The link is not valid, perhaps because it was changed or copied incompletely. Nothing was changed.',
    settings: 'Choose which e-mail you get',
  },
} as const;

function layout(locale: MailLocale, heading: string, body: string, settingsUrl: string): string {
  const w = WORDS[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(w.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
main{max-width:32rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}
button{font:inherit;background:#1f4e8c;color:#fff;border:0;border-radius:6px;padding:.7rem 1.2rem;cursor:pointer}
button:focus{outline:3px solid #f0b429;outline-offset:2px}
a{color:#1f4e8c}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${body}
<p><a href="${escapeHtml(settingsUrl)}">${escapeHtml(w.settings)}</a></p>
</main>
</body>
</html>
`;
}

const kindName = (locale: MailLocale, kind: MailKind): string => DICTIONARIES[locale].kindNames[kind];
const settingsUrl = (publicWebUrl: string): string => `${publicWebUrl}${MAIL_PATHS.mailSettings}`;

/** Asks before turning anything off: mail scanners open links, but they do not press buttons. */
export function confirmPage(opts: {
  locale: MailLocale;
  kind: MailKind;
  token: string;
  publicWebUrl: string;
}): string {
  const w = WORDS[opts.locale];
  const question =
    opts.kind === MailKind.DIGEST ? w.confirmDigest : w.confirm(kindName(opts.locale, opts.kind));
  const action = `?token=${encodeURIComponent(opts.token)}`;
  return layout(
    opts.locale,
    w.confirmHeading,
    `<p>${escapeHtml(question)}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(w.button)}</button></form>`,
    settingsUrl(opts.publicWebUrl),
  );
}

export function donePage(opts: { locale: MailLocale; kind: MailKind; publicWebUrl: string }): string {
  const w = WORDS[opts.locale];
  const text = opts.kind === MailKind.DIGEST ? w.doneDigest : w.done(kindName(opts.locale, opts.kind));
  return layout(
    opts.locale,
    w.doneHeading,
    `<p>${escapeHtml(text)}</p>\n<p>${escapeHtml(w.again)}</p>`,
    settingsUrl(opts.publicWebUrl),
  );
}

export function invalidLinkPage(publicWebUrl: string): string {
  const w = WORDS.sv;
  return layout('sv', w.invalidHeading, `<p>${escapeHtml(w.invalid)}</p>`, settingsUrl(publicWebUrl));
}
