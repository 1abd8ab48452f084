import { createEvent, createEvents } from 'ics';
import type { DateTime, EventAttributes } from 'ics';
import { COURSE_TIME_ZONE, wallClock } from '@stl/shared/domain';
import { MailTemplateError } from './errors';
import { toDate } from './format';
import type { Instant } from './format';
import { DICTIONARIES } from './i18n';
import { MAIL_PATHS, absoluteUrl, safeUrl } from './links';
import { DEFAULT_MAIL_LOCALE } from './locale';
import type { MailLocale } from './locale';
import type { CohortWelcomeData, MeetingTomorrowData } from './mail-data';

export interface MeetingIcsOptions {
  baseUrl: string;
  locale?: MailLocale;
  /**
   * Raise this whenever the meeting changes (e.g. its version column): calendars apply an event with
   * the same UID and a higher SEQUENCE as an update.
   */
  sequence?: number;
  /** DTSTAMP; defaults to now. Pass a fixed value for reproducible output. */
  now?: Instant;
}

/** The same UID for every file about one meeting, so a re-sent invite updates the calendar entry. */
export function meetingIcsUid(meetingId: string): string {
  return `meeting-${meetingId}@stl-plattformen`;
}

/**
 * An RFC 5545 calendar (METHOD:PUBLISH, one VEVENT, times in UTC, CRLF line endings) for the
 * meeting, with the preparation, material and discussion questions in the description.
 */
export function meetingIcs(meeting: MeetingTomorrowData, options: MeetingIcsOptions): string {
  const locale = options.locale ?? DEFAULT_MAIL_LOCALE;
  const t = DICTIONARIES[locale].meeting;
  const pageUrl = absoluteUrl(options.baseUrl, MAIL_PATHS.cohort, { cohortId: meeting.cohortId });
  const videoUrl = meeting.videoUrl ? safeUrl(meeting.videoUrl, 'videoUrl') : undefined;
  const description = [
    ...(meeting.preparation?.trim() ? [`${t.preparation}:\n${meeting.preparation.trim()}`] : []),
    ...(meeting.materials.length > 0
      ? [
          `${t.materials}:\n${meeting.materials.map((m) => `- ${m.title}: ${safeUrl(m.url, 'material url')}`).join('\n')}`,
        ]
      : []),
    ...(meeting.discussionQuestions.length > 0
      ? [`${t.questions}:\n${meeting.discussionQuestions.map((q, i) => `${i + 1}. ${q}`).join('\n')}`]
      : []),
    ...(videoUrl ? [`${t.video}: ${videoUrl}`] : []),
    `${t.icsMeetingPage}: ${pageUrl}`,
  ].join('\n\n');
  const utc = (value: Instant): number => toDate(value).getTime();
  // `timestamp` (DTSTAMP) is accepted by the ics schema but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: DateTime } = {
    uid: meetingIcsUid(meeting.meetingId),
    sequence: options.sequence ?? 0,
    timestamp: utc(options.now ?? new Date()),
    productId: '-//STL-plattformen//Mail//SV',
    method: 'PUBLISH',
    status: 'CONFIRMED',
    title: t.icsSummary({ number: meeting.meetingNumber, title: meeting.title, cohort: meeting.cohortName }),
    start: utc(meeting.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(meeting.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: meeting.place ?? videoUrl,
    url: videoUrl ?? pageUrl,
    description,
  };
  const { error, value } = createEvent(attributes);
  if (error || !value)
    throw new MailTemplateError(`Could not build the calendar file: ${error?.message ?? 'empty'}`);
  return refoldByOctets(value);
}

/**
 * Every meeting of a cohort in one calendar (the welcome mail's attachment): one VEVENT per
 * meeting, with the same UID as the day-before reminder's file, so a later file of the same meeting
 * updates the entry instead of adding a second one. No meetings: no file (null).
 */
export function cohortWelcomeIcs(data: CohortWelcomeData, options: MeetingIcsOptions): string | null {
  if (data.meetings.length === 0) return null;
  const locale = options.locale ?? DEFAULT_MAIL_LOCALE;
  const t = DICTIONARIES[locale].meeting;
  const pageUrl = absoluteUrl(options.baseUrl, MAIL_PATHS.cohort, { cohortId: data.cohortId });
  const utc = (value: Instant): number => toDate(value).getTime();
  const events = data.meetings.map((m): EventAttributes & { timestamp: DateTime } => {
    const videoUrl = m.videoUrl ? safeUrl(m.videoUrl, 'videoUrl') : undefined;
    return {
      uid: meetingIcsUid(m.meetingId),
      sequence: options.sequence ?? 0,
      timestamp: utc(options.now ?? new Date()),
      status: 'CONFIRMED',
      title: t.icsSummary({ number: m.meetingNumber, title: m.title, cohort: data.cohortName }),
      start: utc(m.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utc(m.endsAt),
      endInputType: 'utc',
      endOutputType: 'utc',
      location: m.place ?? videoUrl,
      url: videoUrl ?? pageUrl,
      description: [...(videoUrl ? [`${t.video}: ${videoUrl}`] : []), `${t.icsMeetingPage}: ${pageUrl}`].join(
        '\n\n',
      ),
    };
  });
  const { error, value } = createEvents(events, {
    productId: '-//STL-plattformen//Mail//SV',
    method: 'PUBLISH',
    calName: DICTIONARIES[locale].welcome.icsCalendarName({ cohort: data.cohortName }),
  });
  if (error || !value)
    throw new MailTemplateError(`Could not build the calendar file: ${error?.message ?? 'empty'}`);
  return refoldByOctets(value);
}

/** The welcome mail's calendar file as an attachment, or none when no meeting is planned. */
export function cohortWelcomeIcsAttachment(
  data: CohortWelcomeData,
  options: MeetingIcsOptions,
): { filename: string; content: string; contentType: string }[] {
  const content = cohortWelcomeIcs(data, options);
  if (content === null) return [];
  return [
    {
      filename: `${(options.locale ?? DEFAULT_MAIL_LOCALE) === 'sv' ? 'traffar' : 'meetings'}.ics`,
      content,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    },
  ];
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 §3.1 limits content lines to 75 octets; the ics package counts characters, so lines with
 * å, ä, ö run over. Unfold and fold again by UTF-8 length, never inside a character.
 */
function refoldByOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const size = utf8Length(ch);
        // The first line holds 75 octets; continuation lines start with a space, leaving 74.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += ch;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** The calendar file as a mail attachment. */
export function meetingIcsAttachment(
  meeting: MeetingTomorrowData,
  options: MeetingIcsOptions,
): { filename: string; content: string; contentType: string } {
  return {
    filename: `${(options.locale ?? DEFAULT_MAIL_LOCALE) === 'sv' ? 'traff' : 'meeting'}-${meeting.meetingNumber}.ics`,
    content: meetingIcs(meeting, options),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  };
}

/** One event of a person's calendar feed: a meeting, or a round's submission or feedback deadline. */
export type CalendarFeedEvent =
  | {
      kind: 'MEETING';
      meetingId: string;
      meetingNumber: number;
      title: string;
      cohortId: string;
      cohortName: string;
      startsAt: Date;
      endsAt: Date;
      place: string | null;
      videoUrl: string | null;
      /** The meeting's revision: SEQUENCE. */
      revision: number;
      createdAt: Date;
      updatedAt: Date;
    }
  | {
      kind: 'SUBMISSION_DEADLINE' | 'FEEDBACK_DEADLINE';
      roundId: string;
      title: string;
      cohortId: string;
      cohortName: string;
      at: Date;
      /** The round's revision: SEQUENCE. */
      revision: number;
      createdAt: Date;
      updatedAt: Date;
    };

/** The UID of a round's deadline event: stable, so a moved deadline updates the entry. */
export function deadlineIcsUid(roundId: string, kind: 'SUBMISSION_DEADLINE' | 'FEEDBACK_DEADLINE'): string {
  return `round-${roundId}-${kind === 'SUBMISSION_DEADLINE' ? 'submission' : 'feedback'}@stl-plattformen`;
}

/**
 * Europe/Stockholm as RFC 5545 describes a zone (EU rules since 1996: summer time from the last
 * Sunday of March 02:00 to the last Sunday of October 03:00), so the feed's wall-clock times are
 * read in Swedish time by any calendar, whatever its own zone.
 */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${COURSE_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** `YYYYMMDDTHHMM00` on the Stockholm wall clock (the one Stockholm calendar of shared/domain). */
function stockholmLocal(at: Date): string {
  const w = wallClock(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.date.replace(/-/g, '')}T${pad(w.hour)}${pad(w.minute)}00`;
}

/** The package's event attributes, less its demand for an end (a deadline has none). */
type FeedAttributes = Omit<EventAttributes, 'end' | 'duration'> & {
  timestamp: DateTime;
  end?: DateTime;
};

export interface CalendarFeedOptions {
  baseUrl: string;
  locale?: MailLocale;
}

/**
 * A person's subscribed calendar (issue 14, ADR 0034): every meeting and deadline of their
 * cohorts, times on the Stockholm wall clock with the zone's VTIMEZONE. Each event keeps its UID
 * (a meeting has the same UID as the reminder mail's file) and carries SEQUENCE (the row's
 * revision), DTSTAMP and LAST-MODIFIED (its last change), so a moved meeting updates the entry in
 * Outlook or Google Calendar. Deadlines are moments (no DTEND) that do not block time.
 */
export function calendarFeedIcs(events: readonly CalendarFeedEvent[], options: CalendarFeedOptions): string {
  const locale = options.locale ?? DEFAULT_MAIL_LOCALE;
  const dict = DICTIONARIES[locale];
  const attributes = events.map((e): FeedAttributes => {
    const pageUrl = absoluteUrl(options.baseUrl, MAIL_PATHS.cohort, { cohortId: e.cohortId });
    const common = {
      sequence: e.revision,
      timestamp: e.updatedAt.getTime(),
      created: e.createdAt.getTime(),
      lastModified: e.updatedAt.getTime(),
      startInputType: 'local' as const,
      startOutputType: 'local' as const,
    };
    if (e.kind === 'MEETING') {
      const videoUrl = e.videoUrl ? safeUrl(e.videoUrl, 'videoUrl') : undefined;
      return {
        ...common,
        uid: meetingIcsUid(e.meetingId),
        status: 'CONFIRMED',
        title: dict.meeting.icsSummary({ number: e.meetingNumber, title: e.title, cohort: e.cohortName }),
        start: stockholmLocal(e.startsAt),
        end: stockholmLocal(e.endsAt),
        endInputType: 'local',
        endOutputType: 'local',
        location: e.place ?? videoUrl,
        url: videoUrl ?? pageUrl,
        description: [
          ...(videoUrl ? [`${dict.meeting.video}: ${videoUrl}`] : []),
          `${dict.meeting.icsMeetingPage}: ${pageUrl}`,
        ].join('\n\n'),
      };
    }
    const t = dict.calendarFeed;
    const submission = e.kind === 'SUBMISSION_DEADLINE';
    // A moment: RFC 5545 lets an event have DTSTART only; the package's types insist on an end.
    return {
      ...common,
      uid: deadlineIcsUid(e.roundId, e.kind),
      status: 'CONFIRMED',
      transp: 'TRANSPARENT',
      title: (submission ? t.submissionSummary : t.feedbackSummary)({ title: e.title, cohort: e.cohortName }),
      start: stockholmLocal(e.at),
      url: pageUrl,
      description: [
        submission ? t.submissionDescription : t.feedbackDescription,
        `${t.cohortPage}: ${pageUrl}`,
      ].join('\n\n'),
    };
  });
  const header = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'PRODID:-//STL-plattformen//Kalender//SV',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${dict.calendarFeed.calendarName}`,
    `X-WR-TIMEZONE:${COURSE_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...STOCKHOLM_VTIMEZONE,
  ];
  if (attributes.length === 0) return refoldByOctets([...header, 'END:VCALENDAR', ''].join('\r\n'));
  const { error, value } = createEvents(attributes as EventAttributes[], { productId: 'x' });
  if (error || !value)
    throw new MailTemplateError(`Could not build the calendar feed: ${error?.message ?? 'empty'}`);
  // Keep the package's VEVENTs (escaping, folding) and put them in our calendar, whose local
  // times name their zone.
  const unfolded = value.replace(/\r\n[ \t]/g, '');
  const body = unfolded
    .slice(unfolded.indexOf('BEGIN:VEVENT'), unfolded.lastIndexOf('END:VCALENDAR'))
    .replace(/^(DTSTART|DTEND):(\d{8}T\d{6})$/gm, `$1;TZID=${COURSE_TIME_ZONE}:$2`)
    .replace(/\r\n$/, '');
  return refoldByOctets([...header, body, 'END:VCALENDAR', ''].join('\r\n'));
}
