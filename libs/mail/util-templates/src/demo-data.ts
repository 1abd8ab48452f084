import type { MailContext, MailDataByKind } from './mail-data';
import type { MailKind } from './mail-kind';
import type { MailLocale } from './locale';

/**
 * Realistic data for every kind of mail, from the demo organisation (Lärkby kommun). Used by the
 * preview command and by tests that send every kind through a real SMTP server.
 */
export const DEMO_BASE_URL = 'http://localhost:4200';

const cohort = { cohortId: 'c0ffee00-0000-4000-8000-000000000001', cohortName: 'STL Lärkby 2026/27' };
const round3 = { ...cohort, roundId: '70000000-0000-4000-8000-000000000003', roundNumber: 3 };

export const DEMO_MAIL_DATA: { [K in MailKind]: MailDataByKind[K] } = {
  REVIEW_ASSIGNED: {
    ...round3,
    assignmentId: 'a55e0000-0000-4000-8000-000000000031',
    analysisId: 'a1a10000-0000-4000-8000-000000000031',
    authorName: 'Sara Lindqvist',
    analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
    feedbackDueAt: '2026-11-13T15:00:00Z',
  },
  FEEDBACK_RECEIVED: {
    ...round3,
    analysisId: 'a1a10000-0000-4000-8000-000000000031',
    analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
    reviewerName: 'Maria Berg',
    reviewerRole: 'leader',
  },
  ANALYSIS_PUBLISHED: {
    ...round3,
    analysisId: 'a1a10000-0000-4000-8000-000000000032',
    analysisTitle: 'Talsyntes som stöd när eleverna bearbetar sina texter',
    authorName: 'Amira Hassan',
    feedbackDueAt: '2026-11-13T15:00:00Z',
    excerptHtml:
      '<h3>Mål</h3><p>Eleverna skulle <strong>bearbeta</strong> sina texter med talsyntes.</p>' +
      '<ul><li><p>lyssna på texten</p></li><li><p>hitta ord som saknas</p></li></ul>',
  },
  FEEDBACK_DUE_48H: {
    ...round3,
    feedbackDueAt: '2026-11-13T15:00:00Z',
    reviews: [
      {
        assignmentId: 'a55e0000-0000-4000-8000-000000000031',
        analysisId: 'a1a10000-0000-4000-8000-000000000031',
        authorName: 'Sara Lindqvist',
        analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
      },
      {
        assignmentId: 'a55e0000-0000-4000-8000-000000000032',
        analysisId: 'a1a10000-0000-4000-8000-000000000032',
        authorName: 'Erik Nyström',
        analysisTitle: 'Gemensam skrivning på tavlan i matematik',
      },
    ],
  },
  FEEDBACK_DUE_TODAY: {
    ...round3,
    feedbackDueAt: '2026-11-13T15:00:00Z',
    reviews: [
      {
        assignmentId: 'a55e0000-0000-4000-8000-000000000031',
        analysisId: 'a1a10000-0000-4000-8000-000000000031',
        authorName: 'Sara Lindqvist',
        analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
      },
    ],
  },
  FEEDBACK_OVERDUE: {
    ...round3,
    feedbackDueAt: '2026-11-13T15:00:00Z',
    reminderNumber: 2,
    reviews: [
      {
        assignmentId: 'a55e0000-0000-4000-8000-000000000031',
        analysisId: 'a1a10000-0000-4000-8000-000000000031',
        authorName: 'Sara Lindqvist',
        analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
      },
    ],
  },
  FEEDBACK_OVERDUE_LEADER_NOTICE: {
    ...round3,
    reviewerName: 'Johan Ek',
    reviewerSchoolName: 'Ekbackens skola',
    remindersSent: 3,
    feedbackDueAt: '2026-11-13T15:00:00Z',
    reviews: [
      {
        assignmentId: 'a55e0000-0000-4000-8000-000000000031',
        analysisId: 'a1a10000-0000-4000-8000-000000000031',
        authorName: 'Sara Lindqvist',
        analysisTitle: 'Respons i par när eleverna skriver berättelser i åk 3',
      },
    ],
  },
  SUBMISSION_DUE_48H: { ...round3, submissionDueAt: '2026-11-06T16:00:00Z', hasDraft: true },
  SUBMISSION_OVERDUE: { ...round3, submissionDueAt: '2026-11-06T16:00:00Z', hasDraft: false },
  MEETING_TOMORROW: {
    ...cohort,
    meetingId: 'aee70000-0000-4000-8000-000000000004',
    meetingNumber: 4,
    title: 'Respons som driver lärandet framåt',
    startsAt: '2026-11-11T12:00:00Z',
    endsAt: '2026-11-11T15:00:00Z',
    place: 'Lärkbyskolan, aulan (Skolvägen 4)',
    videoUrl: 'https://meet.larkby.se/stl-traff-4',
    preparation:
      'Läs kapitel 4 i kursboken om formativ respons.\nTa med en elevtext från analysomgång 3 som du vill diskutera.',
    materials: [
      {
        title: 'Kapitel 4: Respons i skrivprocessen (pdf)',
        url: 'https://larkby.se/stl/material/kapitel-4.pdf',
      },
      { title: 'Analysmall, version 2', url: 'https://larkby.se/stl/material/analysmall-v2' },
    ],
    discussionQuestions: [
      'Vilken respons har hjälpt dina elever att bearbeta sina texter, och hur vet du det?',
      'Hur kan kamratrespons bli mer framåtsyftande?',
      'Vad tar du med dig till nästa analysomgång?',
    ],
  },
  WEEKLY_LEADER_SUMMARY: {
    weekOf: '2026-11-16T08:00:00Z',
    cohorts: [
      {
        ...cohort,
        people: [
          {
            name: 'Sara Lindqvist',
            schoolName: 'Lärkbyskolan',
            missing: [{ type: 'leaderFeedback', roundNumber: 3 }],
          },
          {
            name: 'Johan Ek',
            schoolName: 'Ekbackens skola',
            missing: [
              {
                type: 'peerFeedback',
                roundNumber: 3,
                authorName: 'Sara Lindqvist',
                dueAt: '2026-11-13T15:00:00Z',
              },
              { type: 'absence', meetingNumber: 4, meetingDate: '2026-11-11T12:00:00Z' },
            ],
          },
          {
            name: 'Erik Nyström',
            schoolName: 'Sjöviksskolan',
            missing: [{ type: 'analysis', roundNumber: 3, dueAt: '2026-11-06T16:00:00Z' }],
          },
          { name: 'Amira Hassan', schoolName: 'Lärkbyskolan', missing: [] },
        ],
      },
    ],
  },
  INVITATION: {
    tokenId: '0c0c0000-0000-4000-8000-000000000001',
    token: 'demo-invitation-token',
    expiresAt: '2026-12-13T09:00:00Z',
    organisationName: 'Lärkby kommun',
    inviterName: 'Anna Admin',
  },
  PASSWORD_RESET: {
    tokenId: '0c0c0000-0000-4000-8000-000000000002',
    token: 'demo-reset-token',
    expiresAt: '2026-12-06T09:30:00Z',
  },
  SIGN_IN_LINK: {
    tokenId: '0c0c0000-0000-4000-8000-000000000003',
    token: 'demo-sign-in-token',
    expiresAt: '2026-12-06T09:15:00Z',
  },
  NUDGE: {
    ...cohort,
    leaderName: 'Maria Berg',
    message: 'Hej Erik! Vi saknar din analys från omgång 3. Hör av dig om du behöver mer tid.',
    missing: [
      { type: 'analysis', roundNumber: 3, dueAt: '2026-11-06T16:00:00Z' },
      { type: 'peerFeedback', roundNumber: 2, authorName: 'Sara Lindqvist', dueAt: '2026-10-30T16:00:00Z' },
    ],
    task: { type: 'analysis', roundId: round3.roundId },
  },
  SCHOOL_LEADER_SUMMARY: {
    schoolId: '5c400000-0000-4000-8000-000000000001',
    schoolName: 'Lärkbyskolan',
    periodStart: '2026-11-01T08:00:00Z',
    periodEnd: '2026-11-30T08:00:00Z',
    cohorts: [
      {
        ...cohort,
        teachers: [
          {
            name: 'Sara Lindqvist',
            analysesPublished: 3,
            analysesRequired: 6,
            feedbackGiven: 6,
            feedbackAssigned: 6,
            meetingsAttended: 4,
            meetingsHeld: 4,
            supportLevel: 'ON_TRACK',
            supportReasons: [],
          },
          {
            name: 'Amira Hassan',
            analysesPublished: 3,
            analysesRequired: 6,
            feedbackGiven: 5,
            feedbackAssigned: 6,
            meetingsAttended: 4,
            meetingsHeld: 4,
            supportLevel: 'BEHIND',
            supportReasons: [{ code: 'TASKS_OVERDUE', roundNumbers: [2], days: 3 }],
          },
          {
            name: 'Olle Svensson',
            analysesPublished: 1,
            analysesRequired: 6,
            feedbackGiven: 1,
            feedbackAssigned: 4,
            meetingsAttended: 2,
            meetingsHeld: 4,
            supportLevel: 'NEEDS_SUPPORT',
            supportReasons: [
              { code: 'ANALYSIS_OVERDUE', roundNumbers: [3], days: 8 },
              { code: 'TASKS_OVERDUE', roundNumbers: [2], days: 1 },
              { code: 'ATTENDANCE_BEHIND', roundNumbers: [], missed: 2, held: 4 },
            ],
          },
        ],
      },
    ],
  },
  DIGEST: {
    date: '2026-11-12T06:00:00Z',
    items: [
      {
        kind: 'REVIEW_ASSIGNED',
        data: {
          ...round3,
          assignmentId: 'a55e0000-0000-4000-8000-000000000033',
          analysisId: 'a1a10000-0000-4000-8000-000000000033',
          authorName: 'Lena Holm',
          analysisTitle: 'Loggbok i no-ämnena',
          feedbackDueAt: '2026-11-13T15:00:00Z',
        },
        unsubscribeUrl: `${DEMO_BASE_URL}/unsubscribe/demo-REVIEW_ASSIGNED`,
      },
      {
        kind: 'FEEDBACK_RECEIVED',
        data: {
          ...round3,
          analysisId: 'a1a10000-0000-4000-8000-000000000034',
          analysisTitle: 'Skrivpar i svenska som andraspråk',
          reviewerName: 'Ali Karimi',
          reviewerRole: 'peer',
        },
        unsubscribeUrl: `${DEMO_BASE_URL}/unsubscribe/demo-FEEDBACK_RECEIVED`,
      },
      {
        kind: 'SUBMISSION_DUE_48H',
        data: {
          ...cohort,
          roundId: '70000000-0000-4000-8000-000000000004',
          roundNumber: 4,
          submissionDueAt: '2026-11-14T16:00:00Z',
          hasDraft: false,
        },
      },
    ],
  },
  COHORT_WELCOME: {
    ...cohort,
    startsOn: '2026-08-17',
    endsOn: '2027-06-11',
    leaderNames: ['Maria Berg', 'Johan Ek'],
    meetings: [
      {
        meetingId: 'aee70000-0000-4000-8000-000000000001',
        meetingNumber: 1,
        title: 'Uppstart: vad är Skriva sig till lärande?',
        startsAt: '2026-08-26T12:00:00Z',
        endsAt: '2026-08-26T15:00:00Z',
        place: 'Lärkbyskolan, aulan (Skolvägen 4)',
      },
      {
        meetingId: 'aee70000-0000-4000-8000-000000000002',
        meetingNumber: 2,
        title: 'Skrivprocessen och responsen',
        startsAt: '2026-09-23T12:00:00Z',
        endsAt: '2026-09-23T15:00:00Z',
        videoUrl: 'https://meet.larkby.se/stl-traff-2',
      },
    ],
    firstRound: {
      roundId: '70000000-0000-4000-8000-000000000001',
      roundNumber: 1,
      title: 'Analys 1',
      submissionDueAt: '2026-09-18T15:00:00Z',
    },
  },
  ACCESSIBILITY_REPORT: {
    organisationName: 'Lärkby kommun',
    description:
      'Knappen "Publicera" i analysredigeraren går inte att nå med tangentbordet när en bild är bifogad.\n\nJag använder skärmläsaren NVDA med Firefox.',
    where: 'Skriv analys, analysomgång 2',
    reporterName: 'Sara Lindqvist',
    reporterEmail: 'sara.lindqvist@larkby.se',
    signedIn: true,
    reportedAt: '2026-11-12T09:30:00Z',
  },
};

/** Who each demo mail goes to. */
export const DEMO_RECIPIENTS: Record<MailKind, { name: string; email: string }> = {
  REVIEW_ASSIGNED: { name: 'Johan Ek', email: 'johan.ek@larkby.se' },
  FEEDBACK_RECEIVED: { name: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.se' },
  ANALYSIS_PUBLISHED: { name: 'Maria Berg', email: 'maria.berg@larkby.se' },
  FEEDBACK_DUE_48H: { name: 'Johan Ek', email: 'johan.ek@larkby.se' },
  FEEDBACK_DUE_TODAY: { name: 'Johan Ek', email: 'johan.ek@larkby.se' },
  FEEDBACK_OVERDUE: { name: 'Johan Ek', email: 'johan.ek@larkby.se' },
  FEEDBACK_OVERDUE_LEADER_NOTICE: { name: 'Maria Berg', email: 'maria.berg@larkby.se' },
  SUBMISSION_DUE_48H: { name: 'Erik Nyström', email: 'erik.nystrom@larkby.se' },
  SUBMISSION_OVERDUE: { name: 'Erik Nyström', email: 'erik.nystrom@larkby.se' },
  MEETING_TOMORROW: { name: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.se' },
  WEEKLY_LEADER_SUMMARY: { name: 'Maria Berg', email: 'maria.berg@larkby.se' },
  SCHOOL_LEADER_SUMMARY: { name: 'Karin Sjöberg', email: 'karin.sjoberg@larkby.se' },
  DIGEST: { name: 'Amira Hassan', email: 'amira.hassan@larkby.se' },
  NUDGE: { name: 'Erik Nyström', email: 'erik.nystrom@larkby.se' },
  INVITATION: { name: 'Erik Nyström', email: 'erik.nystrom@larkby.se' },
  PASSWORD_RESET: { name: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.se' },
  SIGN_IN_LINK: { name: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.se' },
  COHORT_WELCOME: { name: 'Erik Nyström', email: 'erik.nystrom@larkby.se' },
  ACCESSIBILITY_REPORT: { name: 'Åsa Lind', email: 'asa.lind@larkby.se' },
};

export function demoMailContext(kind: MailKind, locale: MailLocale): MailContext {
  return {
    locale,
    baseUrl: DEMO_BASE_URL,
    recipientName: DEMO_RECIPIENTS[kind].name,
    unsubscribeUrl: `${DEMO_BASE_URL}/unsubscribe/demo-${kind}`,
  };
}
