import { DEMO_BASE_URL, DEMO_MAIL_DATA, demoMailContext } from './demo-data';
import { MailTemplateError } from './errors';
import { DICTIONARIES } from './i18n';
import type { MailLocale } from './locale';
import type { MailDataByKind, RenderedMail } from './mail-data';
import { MAIL_KINDS, isMandatoryKind } from './mail-kind';
import type { MailKind } from './mail-kind';
import { renderFeedbackDue48h, renderMail, renderMeetingTomorrow, renderReviewAssigned } from './render';
import { mailExcerpt } from './kinds/participant';

const B = DEMO_BASE_URL;
const cohortId = DEMO_MAIL_DATA.REVIEW_ASSIGNED.cohortId;

/** Words each subject must contain, and the page the main button must lead to. */
const EXPECTED: Record<MailKind, { sv: RegExp; en: RegExp; link: string }> = {
  REVIEW_ASSIGNED: {
    sv: /kritisk vän till Sara Lindqvist i analysomgång 3/,
    en: /critical friend to Sara Lindqvist in analysis round 3/,
    link: `${B}/cohorts/${cohortId}/feedback/analyses/${DEMO_MAIL_DATA.REVIEW_ASSIGNED.analysisId}`,
  },
  FEEDBACK_RECEIVED: {
    sv: /Ny återkoppling på din analys/,
    en: /New feedback on your analysis/,
    link: `${B}/cohorts/${cohortId}/feedback/received/${DEMO_MAIL_DATA.FEEDBACK_RECEIVED.analysisId}`,
  },
  ANALYSIS_PUBLISHED: {
    sv: /Amira Hassan har publicerat en analys/,
    en: /Amira Hassan has published an analysis/,
    link: `${B}/cohorts/${cohortId}/analyses/${DEMO_MAIL_DATA.ANALYSIS_PUBLISHED.analysisId}`,
  },
  FEEDBACK_DUE_48H: {
    sv: /Påminnelse: ge din återkoppling.*senast fredag 13 november/,
    en: /Reminder: give your feedback.*by Friday 13 November/,
    link: `${B}/cohorts/${cohortId}/feedback`,
  },
  FEEDBACK_DUE_TODAY: {
    sv: /I dag är sista dagen att ge återkoppling/,
    en: /Today is the last day to give feedback/,
    link: `${B}/cohorts/${cohortId}/feedback/analyses/${DEMO_MAIL_DATA.FEEDBACK_DUE_TODAY.reviews[0]?.analysisId}`,
  },
  FEEDBACK_OVERDUE: {
    sv: /återkoppling i analysomgång 3 är försenad/,
    en: /feedback in analysis round 3 is overdue/,
    link: `${B}/cohorts/${cohortId}/feedback/analyses/${DEMO_MAIL_DATA.FEEDBACK_OVERDUE.reviews[0]?.analysisId}`,
  },
  FEEDBACK_OVERDUE_LEADER_NOTICE: {
    sv: /Johan Ek har inte gett återkoppling/,
    en: /Johan Ek has not given feedback/,
    link: `${B}/cohorts/${cohortId}/follow-up`,
  },
  SUBMISSION_DUE_48H: {
    sv: /Påminnelse: publicera din analys.*senast fredag 6 november/,
    en: /Reminder: publish your analysis.*by Friday 6 November/,
    link: `${B}/cohorts/${cohortId}/rounds/${DEMO_MAIL_DATA.SUBMISSION_DUE_48H.roundId}/analysis`,
  },
  SUBMISSION_OVERDUE: {
    sv: /Din analys i analysomgång 3 är försenad/,
    en: /Your analysis for analysis round 3 is overdue/,
    link: `${B}/cohorts/${cohortId}/rounds/${DEMO_MAIL_DATA.SUBMISSION_OVERDUE.roundId}/analysis`,
  },
  MEETING_TOMORROW: {
    sv: /I morgon: träff 4 – Respons som driver lärandet framåt/,
    en: /Tomorrow: meeting 4 – Respons som driver lärandet framåt/,
    link: `${B}/cohorts/${cohortId}`,
  },
  WEEKLY_LEADER_SUMMARY: {
    sv: /Veckosammanfattning vecka 47/,
    en: /Weekly summary, week 47/,
    link: `${B}/cohorts/${cohortId}/follow-up`,
  },
  INVITATION: {
    sv: /Du är inbjuden till STL-plattformen i Lärkby kommun/,
    en: /You are invited to the STL platform of Lärkby kommun/,
    link: `${B}/invitation#demo-invitation-token`,
  },
  PASSWORD_RESET: {
    sv: /Välj ett nytt lösenord/,
    en: /Set a new password/,
    link: `${B}/reset-password#demo-reset-token`,
  },
  SIGN_IN_LINK: {
    sv: /inloggningslänk/,
    en: /sign-in link/,
    link: `${B}/sign-in-link#demo-sign-in-token`,
  },
  NUDGE: {
    sv: /Maria Berg påminner dig om STL Lärkby 2026\/27/,
    en: /Maria Berg reminds you about STL Lärkby 2026\/27/,
    link: `${B}/cohorts/${cohortId}/rounds/70000000-0000-4000-8000-000000000003/analysis`,
  },
  SCHOOL_LEADER_SUMMARY: {
    sv: /Lägesrapport för Lärkbyskolan/,
    en: /Progress report for Lärkbyskolan/,
    link: `${B}/school`,
  },
  COHORT_WELCOME: {
    sv: /^Välkommen till STL Lärkby 2026\/27$/,
    en: /^Welcome to STL Lärkby 2026\/27$/,
    link: `${B}/cohorts/${cohortId}`,
  },
  ACCESSIBILITY_REPORT: {
    sv: /^Tillgänglighetsproblem rapporterat på STL-plattformen \(Lärkby kommun\)$/,
    en: /^Accessibility problem reported on the STL platform \(Lärkby kommun\)$/,
    link: `${B}/tillganglighet`,
  },
  DIGEST: {
    sv: /Din sammanfattning från STL-plattformen torsdag 12 november: 3 saker/,
    en: /Your summary from the STL platform, Thursday 12 November: 3 items/,
    link: `${B}/settings/notifications`,
  },
};

const LOCALES: MailLocale[] = ['sv', 'en'];
const cases = MAIL_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const));

function render(kind: MailKind, locale: MailLocale, data: unknown = DEMO_MAIL_DATA[kind]): RenderedMail {
  return renderMail(kind, data as MailDataByKind[typeof kind], demoMailContext(kind, locale));
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const hrefs = (html: string): string[] =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
const textUrls = (text: string): string[] => [...text.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => m[0]);
const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const visibleText = (html: string): string =>
  decode(
    html
      .replace(/<head>[\s\S]*<\/head>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

const EVIL = '<script>alert("x")</script>';
const EVIL_KEYS = new Set([
  'authorName',
  'reviewerName',
  'reviewerSchoolName',
  'analysisTitle',
  'cohortName',
  'schoolName',
  'name',
  'title',
  'place',
  'preparation',
  'discussionQuestions',
  'organisationName',
  'description',
  'where',
  'reporterName',
]);

/** The same data with a script tag in every name, title and free text. */
function poisoned(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return EVIL_KEYS.has(key) ? `${EVIL} ${value}` : value;
  if (Array.isArray(value)) return value.map((v) => poisoned(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisoned(v, k)]));
  }
  return value;
}

describe.each(cases)('%s in %s', (kind, locale) => {
  const mail = render(kind, locale);

  it('has the expected subject', () => {
    expect(mail.subject).toMatch(EXPECTED[kind][locale]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('is an HTML document in the right language with a heading', () => {
    expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}"`));
    expect(mail.html).toContain('<h1 ');
    expect(mail.html).toContain(`<title>${mail.subject.replace(/&/g, '&amp;')}</title>`);
  });

  it('links to the right page, absolutely, in HTML and text', () => {
    expect(hrefs(mail.html)).toContain(EXPECTED[kind].link);
    expect(textUrls(mail.text)).toContain(EXPECTED[kind].link);
    for (const url of [...hrefs(mail.html), ...textUrls(mail.text)]) expect(url).toMatch(/^https?:\/\//);
  });

  it('carries the one-click unsubscribe link (not on account mails) and the reason in the footer', () => {
    expect(mail.text).toMatch(
      locale === 'sv' ? /Du får det här mejlet/ : /You (are receiving|receive) this e-mail/,
    );
    if (isMandatoryKind(kind)) {
      // An invitation, reset or accessibility report cannot be turned off: no unsubscribe or settings link at all.
      expect(hrefs(mail.html).some((u) => u.includes('/unsubscribe') || u.includes('/settings'))).toBe(false);
      return;
    }
    const unsubscribe = `${B}/unsubscribe/demo-${kind}`;
    expect(hrefs(mail.html)).toContain(unsubscribe);
    expect(mail.text).toContain(unsubscribe);
    expect(mail.text).toMatch(
      locale === 'sv' ? /Du får det här mejlet/ : /You (are receiving|receive) this e-mail/,
    );
    expect(hrefs(mail.html)).toContain(`${B}/settings/notifications`);
  });

  it('has the same links in the text version as in the HTML', () => {
    expect(new Set(textUrls(mail.text))).toEqual(new Set(hrefs(mail.html)));
  });

  it('says everything in the text version that the HTML says', () => {
    const text = words(mail.text);
    // Only the HTML has a button, so only it needs a hint for when the button does not work.
    const html = visibleText(mail.html).replace(DICTIONARIES[locale].common.actionFallback, '');
    const missing = [...words(html)].filter((w) => !text.has(w));
    expect(missing).toEqual([]);
  });

  it('escapes script tags in names and titles', () => {
    const evil = renderMail(kind, poisoned(DEMO_MAIL_DATA[kind]) as MailDataByKind[typeof kind], {
      ...demoMailContext(kind, locale),
      recipientName: EVIL,
    });
    expect(evil.html).not.toContain('<script');
    expect(evil.html).toContain('&lt;script&gt;');
    expect(evil.text).toContain(EVIL);
  });
});

describe('mail content', () => {
  it("passes an accessibility report on in the reporter's words, with where, who and how to answer", () => {
    const mail = render('ACCESSIBILITY_REPORT', 'sv');
    expect(mail.text).toContain('Knappen "Publicera" i analysredigeraren går inte att nå med tangentbordet');
    expect(mail.text).toContain('Jag använder skärmläsaren NVDA med Firefox.');
    expect(mail.text).toContain('Skriv analys, analysomgång 2');
    expect(mail.text).toContain('sara.lindqvist@larkby.se');
    expect(mail.text).toContain('Svara på det här mejlet');
    const anonymous = render('ACCESSIBILITY_REPORT', 'en', {
      ...DEMO_MAIL_DATA.ACCESSIBILITY_REPORT,
      reporterName: null,
      reporterEmail: null,
      where: null,
      signedIn: false,
    });
    expect(anonymous.text).toContain('no name given');
    expect(anonymous.text).toContain('cannot be answered directly');
    expect(anonymous.text).not.toContain('sara.lindqvist');
  });

  it('writes deadlines as Swedes do, in Stockholm time', () => {
    expect(
      renderReviewAssigned(DEMO_MAIL_DATA.REVIEW_ASSIGNED, demoMailContext('REVIEW_ASSIGNED', 'sv')).text,
    ).toContain('fredag 13 november 2026 kl. 16.00');
    expect(
      renderReviewAssigned(DEMO_MAIL_DATA.REVIEW_ASSIGNED, demoMailContext('REVIEW_ASSIGNED', 'en')).text,
    ).toContain('Friday 13 November 2026, 16:00');
  });

  it('never repeats a round number that is also the default title ("Analys 3: Analys 3")', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const kind of [
        'ANALYSIS_PUBLISHED',
        'FEEDBACK_RECEIVED',
        'REVIEW_ASSIGNED',
        'FEEDBACK_DUE_48H',
      ] as const) {
        const data = JSON.parse(
          JSON.stringify(DEMO_MAIL_DATA[kind]).replace(
            /"analysisTitle":"[^"]*"/g,
            '"analysisTitle":"Analys 3"',
          ),
        );
        const mail = renderMail(kind, data, demoMailContext(kind, locale));
        expect(mail.text).not.toMatch(/Analys 3/);
        expect(mail.subject).not.toMatch(/Analys 3/);
      }
    }
    const sv = renderMail(
      'ANALYSIS_PUBLISHED',
      { ...DEMO_MAIL_DATA.ANALYSIS_PUBLISHED, analysisTitle: 'Analys 3' },
      demoMailContext('ANALYSIS_PUBLISHED', 'sv'),
    );
    expect(sv.text).toContain('har publicerat sin analys i analysomgång 3');
  });

  it('shows the start of a published analysis as readable plain text', () => {
    const mail = renderMail(
      'ANALYSIS_PUBLISHED',
      DEMO_MAIL_DATA.ANALYSIS_PUBLISHED,
      demoMailContext('ANALYSIS_PUBLISHED', 'sv'),
    );
    expect(mail.text).toContain(
      'Så börjar analysen:\n\nMål\n\nEleverna skulle bearbeta sina texter med talsyntes.\n\n• lyssna på texten\n• hitta ord som saknas',
    );
    expect(mail.html).toContain('• lyssna på texten<br>• hitta ord som saknas');
    expect(mail.html).not.toMatch(/<h3>|<strong>|<li>/);
    expect(mailExcerpt(`<p>${'ord '.repeat(200)}</p>`, 20)).toBe('ord ord ord ord ord…');
  });

  it('defaults to Swedish', () => {
    const { locale: _ignored, ...ctx } = demoMailContext('REVIEW_ASSIGNED', 'en');
    expect(renderReviewAssigned(DEMO_MAIL_DATA.REVIEW_ASSIGNED, ctx).html).toContain('<html lang="sv"');
  });

  it('lists every review due with a link to each', () => {
    const mail = renderFeedbackDue48h(
      DEMO_MAIL_DATA.FEEDBACK_DUE_48H,
      demoMailContext('FEEDBACK_DUE_48H', 'sv'),
    );
    for (const r of DEMO_MAIL_DATA.FEEDBACK_DUE_48H.reviews) {
      expect(hrefs(mail.html)).toContain(`${B}/cohorts/${cohortId}/feedback/analyses/${r.analysisId}`);
      expect(mail.text).toContain(r.authorName);
    }
  });

  it('gives the meeting time, place, video link, preparation, material and questions', () => {
    const d = DEMO_MAIL_DATA.MEETING_TOMORROW;
    const mail = renderMeetingTomorrow(d, demoMailContext('MEETING_TOMORROW', 'sv'));
    expect(mail.text).toContain('onsdag 11 november 2026 kl. 13.00–16.00');
    expect(mail.text).toContain('Lärkbyskolan, aulan');
    expect(hrefs(mail.html)).toContain(d.videoUrl);
    for (const m of d.materials) expect(hrefs(mail.html)).toContain(m.url);
    for (const q of d.discussionQuestions) expect(mail.text).toContain(q);
    expect(mail.text).toContain('Läs kapitel 4');
    expect(mail.text).toContain('.ics');
  });

  it('refuses a video link that is not http(s)', () => {
    const d = { ...DEMO_MAIL_DATA.MEETING_TOMORROW, videoUrl: 'javascript:alert(1)' };
    expect(() => renderMeetingTomorrow(d, demoMailContext('MEETING_TOMORROW', 'sv'))).toThrow(
      MailTemplateError,
    );
  });

  it('refuses an unsubscribe link that is not http(s)', () => {
    expect(() =>
      renderReviewAssigned(DEMO_MAIL_DATA.REVIEW_ASSIGNED, {
        ...demoMailContext('REVIEW_ASSIGNED', 'sv'),
        unsubscribeUrl: 'javascript:alert(1)',
      }),
    ).toThrow(MailTemplateError);
  });

  it('lists what is missing person by person and leaves out people with nothing missing', () => {
    const mail = renderMail('WEEKLY_LEADER_SUMMARY', DEMO_MAIL_DATA.WEEKLY_LEADER_SUMMARY, {
      ...demoMailContext('WEEKLY_LEADER_SUMMARY', 'sv'),
    });
    expect(mail.text).toContain('Johan Ek, Ekbackens skola');
    expect(mail.text).toContain('Återkoppling till Sara Lindqvist i analysomgång 3 saknas');
    expect(mail.text).toContain('Frånvarande från träff 4');
    expect(mail.text).toContain('Analysen i analysomgång 3 är inte publicerad');
    expect(mail.text).not.toContain('Amira Hassan');
  });

  it('says so when nothing is missing', () => {
    const data = {
      ...DEMO_MAIL_DATA.WEEKLY_LEADER_SUMMARY,
      cohorts: DEMO_MAIL_DATA.WEEKLY_LEADER_SUMMARY.cohorts.map((c) => ({
        ...c,
        people: c.people.map((p) => ({ ...p, missing: [] })),
      })),
    };
    const mail = renderMail('WEEKLY_LEADER_SUMMARY', data, demoMailContext('WEEKLY_LEADER_SUMMARY', 'sv'));
    expect(mail.text).toContain('Inget saknas just nu');
  });

  it('shows school leaders progress and who may need support, in a table', () => {
    const mail = renderMail(
      'SCHOOL_LEADER_SUMMARY',
      DEMO_MAIL_DATA.SCHOOL_LEADER_SUMMARY,
      demoMailContext('SCHOOL_LEADER_SUMMARY', 'sv'),
    );
    expect(mail.text).toContain(
      'Olle Svensson: omgång 3: analysen 8 dagar sen; omgång 2: kritisk vän-återkopplingen 1 dag sen; missat 2 av 4 hållna träffar.',
    );
    // Only those the screens grade NEEDS_SUPPORT are listed; the table shows every level.
    expect(mail.text).not.toMatch(/Amira Hassan:/);
    expect(mail.text).toMatch(/Amira Hassan\n(.*\n){3}.*Läge: Efter/);
    expect(mail.text).toMatch(/Sara Lindqvist\n(.*\n){3}.*Läge: I fas/);
    expect(mail.html).toContain('<th scope="col"');
    expect(mail.html).toContain('<caption');
    expect(mail.text).toContain('Publicerade analyser: 3 av 6');
  });

  it('still renders a school report queued by an earlier release, with its old signals', () => {
    const old = {
      ...DEMO_MAIL_DATA.SCHOOL_LEADER_SUMMARY,
      cohorts: DEMO_MAIL_DATA.SCHOOL_LEADER_SUMMARY.cohorts.map((c) => ({
        ...c,
        teachers: c.teachers.map(({ supportLevel: _l, supportReasons: _r, ...x }) => ({
          ...x,
          supportSignals: x.name === 'Olle Svensson' ? (['lowAttendance'] as const) : [],
        })),
      })),
    };
    const mail = renderMail(
      'SCHOOL_LEADER_SUMMARY',
      old as unknown as MailDataByKind['SCHOOL_LEADER_SUMMARY'],
      demoMailContext('SCHOOL_LEADER_SUMMARY', 'sv'),
    );
    expect(mail.text).toContain('Olle Svensson har låg närvaro på träffarna.');
    expect(mail.text).toMatch(/Amira Hassan\n(.*\n){3}.*Läge: I fas/);
  });

  it('gathers several mails into one digest, each with its own link and unsubscribe link', () => {
    const mail = renderMail('DIGEST', DEMO_MAIL_DATA.DIGEST, demoMailContext('DIGEST', 'sv'));
    expect(mail.text).toContain('Du är kritisk vän till Lena Holm');
    expect(mail.text).toContain('Ny återkoppling på din analys');
    expect(mail.text).toContain('publicera din analys i analysomgång 4');
    expect(hrefs(mail.html)).toContain(
      `${B}/cohorts/${cohortId}/feedback/analyses/a1a10000-0000-4000-8000-000000000033`,
    );
    expect(hrefs(mail.html)).toContain(`${B}/unsubscribe/demo-FEEDBACK_RECEIVED`);
    expect(mail.html).toContain('<h2 ');
  });

  it('refuses an empty digest', () => {
    expect(() =>
      renderMail('DIGEST', { date: '2026-11-12T06:00:00Z', items: [] }, demoMailContext('DIGEST', 'sv')),
    ).toThrow(MailTemplateError);
  });

  it('welcomes a participant: the course, its leaders, every meeting in Stockholm time, the first deadline, where to sign in', () => {
    const d = DEMO_MAIL_DATA.COHORT_WELCOME;
    const mail = renderMail('COHORT_WELCOME', d, demoMailContext('COHORT_WELCOME', 'sv'));
    expect(mail.text).toContain('Skriva sig till lärande');
    expect(mail.text).toContain('från 17 augusti 2026 till 11 juni 2027');
    expect(mail.text).toContain('Dina kursledare är Maria Berg och Johan Ek.');
    // 12.00 UTC on 26 August is 14.00 in Stockholm (summer time).
    expect(mail.text).toContain('onsdag 26 augusti 2026 kl. 14.00–17.00');
    expect(mail.text).toContain('Lärkbyskolan, aulan (Skolvägen 4)');
    expect(mail.text).toContain('Digitalt');
    expect(mail.text).toContain('Alla tider är svensk tid.');
    expect(mail.text).toContain('publicera din analys senast fredag 18 september 2026 kl. 17.00');
    expect(hrefs(mail.html)).toContain(`${B}/sign-in`);
    expect(mail.html).toContain('<caption');
  });

  it('welcomes without a meeting table or a first round when none is planned', () => {
    const d = {
      ...DEMO_MAIL_DATA.COHORT_WELCOME,
      meetings: [],
      firstRound: null,
      leaderNames: ['Maria Berg'],
    };
    const mail = renderMail('COHORT_WELCOME', d, demoMailContext('COHORT_WELCOME', 'en'));
    expect(mail.text).toContain('The meetings are not scheduled yet');
    expect(mail.text).toContain('Your course leader is Maria Berg.');
    expect(mail.text).not.toContain('analysis round 1');
    expect(mail.html).not.toContain('<caption');
  });

  it('renders the same input to the same output', () => {
    expect(render('MEETING_TOMORROW', 'sv')).toEqual(render('MEETING_TOMORROW', 'sv'));
  });
});

describe('account mails (ADR 0013)', () => {
  it('say when the link expires and who invited, and refuse to render without the token', () => {
    const mail = renderMail('INVITATION', DEMO_MAIL_DATA.INVITATION, demoMailContext('INVITATION', 'sv'));
    expect(mail.text).toContain('Anna Admin har bjudit in dig');
    expect(mail.text).toMatch(/Länken fungerar till: .*2026/);
    const { token: _token, ...stored } = DEMO_MAIL_DATA.PASSWORD_RESET;
    expect(() => renderMail('PASSWORD_RESET', stored, demoMailContext('PASSWORD_RESET', 'en'))).toThrow(
      MailTemplateError,
    );
  });
});
