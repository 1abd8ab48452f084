import { createEvent, createEvents } from 'ics';
import type { DateTime, EventAttributes } from 'ics';
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
