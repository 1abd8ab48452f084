import { DEMO_BASE_URL, DEMO_MAIL_DATA } from './demo-data';
import { MailTemplateError } from './errors';
import {
  cohortWelcomeIcs,
  cohortWelcomeIcsAttachment,
  meetingIcs,
  meetingIcsAttachment,
  meetingIcsUid,
} from './meeting-ics';

const meeting = DEMO_MAIL_DATA.MEETING_TOMORROW;
const options = { baseUrl: DEMO_BASE_URL, now: '2026-11-10T07:00:00Z' };

/** Unfolds RFC 5545 continuation lines (CRLF followed by a space). */
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');

describe('meetingIcs', () => {
  const ics = meetingIcs(meeting, options);

  it('is a calendar with one event', () => {
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/END:VCALENDAR\r\n$/);
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect(ics).toMatch(/^METHOD:PUBLISH\r$/m);
  });

  it('uses CRLF line endings only', () => {
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics.split('\r\n').length).toBeGreaterThan(10);
  });

  it('gives start and end in UTC', () => {
    expect(ics).toMatch(/^DTSTART:20261111T120000Z\r$/m);
    expect(ics).toMatch(/^DTEND:20261111T150000Z\r$/m);
    expect(ics).toMatch(/^DTSTAMP:20261110T070000Z\r$/m);
  });

  it('has a UID stable per meeting, so a re-sent invite updates the entry', () => {
    expect(ics).toMatch(new RegExp(`^UID:${meetingIcsUid(meeting.meetingId)}\\r$`, 'm'));
    const later = meetingIcs(
      { ...meeting, title: 'Ny rubrik' },
      { ...options, now: '2026-11-10T09:00:00Z', sequence: 1 },
    );
    expect(later).toMatch(new RegExp(`^UID:${meetingIcsUid(meeting.meetingId)}\\r$`, 'm'));
    expect(later).toMatch(/^SEQUENCE:1\r$/m);
    expect(meetingIcs({ ...meeting, meetingId: 'other' }, options)).not.toContain(
      meetingIcsUid(meeting.meetingId),
    );
  });

  it('gives the place as location and the video link as URL, escaped per RFC 5545', () => {
    const text = unfold(ics);
    expect(text).toMatch(/^LOCATION:Lärkbyskolan\\, aulan \(Skolvägen 4\)\r$/m);
    expect(text).toMatch(/^URL:https:\/\/meet\.larkby\.se\/stl-traff-4\r$/m);
  });

  it('uses the video link as location when there is no place', () => {
    const { place: _place, ...online } = meeting;
    expect(unfold(meetingIcs({ ...online, videoUrl: 'https://meet.larkby.se/x' }, options))).toMatch(
      /^LOCATION:https:\/\/meet\.larkby\.se\/x\r$/m,
    );
  });

  it('describes preparation, material, questions and links to the meeting page', () => {
    const description = /^DESCRIPTION:(.*)\r$/m.exec(unfold(ics))?.[1] ?? '';
    expect(description).toContain('Förbered dig:\\nLäs kapitel 4');
    expect(description).toContain('https://larkby.se/stl/material/kapitel-4.pdf');
    expect(description).toContain('1. Vilken respons har hjälpt');
    expect(description).toContain(`${DEMO_BASE_URL}/cohorts/${meeting.cohortId}`);
    expect(unfold(ics)).toMatch(
      /^SUMMARY:Träff 4: Respons som driver lärandet framåt \(STL Lärkby 2026\/27\)\r$/m,
    );
  });

  it('folds long lines at 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('speaks English when asked', () => {
    expect(unfold(meetingIcs(meeting, { ...options, locale: 'en' }))).toMatch(/^SUMMARY:Meeting 4: /m);
  });

  it('is a mail attachment with a calendar content type', () => {
    const a = meetingIcsAttachment(meeting, options);
    expect(a.filename).toBe('traff-4.ics');
    expect(a.contentType).toMatch(/^text\/calendar/);
    expect(a.content).toBe(ics);
  });

  it('refuses a video link that is not http(s)', () => {
    expect(() => meetingIcs({ ...meeting, videoUrl: 'javascript:alert(1)' }, options)).toThrow(
      MailTemplateError,
    );
  });
});

describe('cohortWelcomeIcs', () => {
  const welcome = DEMO_MAIL_DATA.COHORT_WELCOME;
  const ics = cohortWelcomeIcs(welcome, options) ?? '';

  it('is one calendar with an event per meeting, each with the UID of its meeting', () => {
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(welcome.meetings.length);
    expect(ics).toMatch(/^METHOD:PUBLISH\r$/m);
    for (const m of welcome.meetings)
      expect(ics).toMatch(new RegExp(`^UID:${meetingIcsUid(m.meetingId)}\\r$`, 'm'));
  });

  it('gives times in UTC, the place or the video link, and folds at 75 octets', () => {
    const text = unfold(ics);
    expect(text).toMatch(/^DTSTART:20260826T120000Z\r$/m);
    expect(text).toMatch(/^DTEND:20260923T150000Z\r$/m);
    expect(text).toMatch(/^LOCATION:Lärkbyskolan\\, aulan \(Skolvägen 4\)\r$/m);
    expect(text).toMatch(/^LOCATION:https:\/\/meet\.larkby\.se\/stl-traff-2\r$/m);
    expect(text).toMatch(/^SUMMARY:Träff 1: Uppstart/m);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('is no file at all when no meeting is planned', () => {
    expect(cohortWelcomeIcs({ ...welcome, meetings: [] }, options)).toBeNull();
    expect(cohortWelcomeIcsAttachment({ ...welcome, meetings: [] }, options)).toEqual([]);
    expect(cohortWelcomeIcsAttachment(welcome, { ...options, locale: 'en' })[0]?.filename).toBe(
      'meetings.ics',
    );
  });
});
