import type { FieldError } from './field-error';
import {
  addDays,
  avoidSchoolHolidays,
  defaultSchoolHolidays,
  isIsoDate,
  schoolYearOf,
} from '@stl/shared/domain';
import { isClockTime, toInstant, toLocalParts } from './local-time';

/** A meeting as typed into the form: strings, exactly as the person wrote them. */
export interface MeetingDraft {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  mode: 'PHYSICAL' | 'DIGITAL';
  location: string;
  videoUrl: string;
  theme: string;
  preparation: string;
  /** One question per line. */
  questions: string;
}

export interface MeetingLike {
  title: string;
  startsAt: string;
  endsAt: string;
  mode: 'PHYSICAL' | 'DIGITAL';
  location?: string | null;
  videoUrl?: string | null;
  theme?: string | null;
  preparation: string;
  discussionQuestions: readonly string[];
}

export const EMPTY_MEETING: MeetingDraft = {
  title: '',
  date: '',
  startTime: '13:00',
  endTime: '16:00',
  mode: 'PHYSICAL',
  location: '',
  videoUrl: '',
  theme: '',
  preparation: '',
  questions: '',
};

export function draftOf(m: MeetingLike): MeetingDraft {
  const start = toLocalParts(m.startsAt);
  return {
    title: m.title,
    date: start.date,
    startTime: start.time,
    endTime: toLocalParts(m.endsAt).time,
    mode: m.mode,
    location: m.location ?? '',
    videoUrl: m.videoUrl ?? '',
    theme: m.theme ?? '',
    preparation: m.preparation,
    questions: m.discussionQuestions.join('\n'),
  };
}

/** An organisation's own school holidays of one school year (the API's SchoolHolidays). */
export interface OwnHolidays {
  schoolYear: string;
  holidays: readonly { startsOn: string; endsOn: string }[];
}

/**
 * What the form offers after a meeting is added: the next one four weeks later, same weekday, time
 * and place, so a course leader planning a year types only what differs. A date in a school holiday
 * moves on a week at a time: the organisation's own holidays of that school year when given, else
 * the shared defaults (höstlov, jullov, sportlov, påsklov).
 */
export function nextDraft(last: MeetingLike | null, own: OwnHolidays | null = null): MeetingDraft {
  if (!last) return EMPTY_MEETING;
  const d = draftOf(last);
  const date = addDays(d.date, 28);
  const year = schoolYearOf(new Date(`${date}T12:00:00Z`)).label;
  const holidays =
    own && own.schoolYear === year
      ? own.holidays.map((h) => ({ ...h, kind: 'JULLOV' as const }))
      : defaultSchoolHolidays(year);
  return {
    ...EMPTY_MEETING,
    date: avoidSchoolHolidays(date, holidays),
    startTime: d.startTime,
    endTime: d.endTime,
    mode: d.mode,
    location: d.location,
    videoUrl: d.videoUrl,
  };
}

/** Problems the browser can see before asking the API. */
export function meetingProblems(d: MeetingDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (!d.title.trim()) problems.push({ field: 'title', code: 'REQUIRED' });
  if (!isIsoDate(d.date)) problems.push({ field: 'date', code: 'INVALID_DATE' });
  if (!isClockTime(d.startTime)) problems.push({ field: 'startTime', code: 'INVALID_TIME' });
  if (!isClockTime(d.endTime)) problems.push({ field: 'endTime', code: 'INVALID_TIME' });
  else if (isClockTime(d.startTime) && d.endTime.replace('.', ':') <= d.startTime.replace('.', ':'))
    problems.push({ field: 'endTime', code: 'MEETING_ENDS_BEFORE_START' });
  if (d.mode === 'PHYSICAL' && !d.location.trim())
    problems.push({ field: 'location', code: 'LOCATION_REQUIRED' });
  if (d.mode === 'DIGITAL' && !d.videoUrl.trim())
    problems.push({ field: 'videoUrl', code: 'VIDEO_URL_REQUIRED' });
  else if (d.videoUrl.trim() && !/^https:\/\/[^\s/]+/.test(d.videoUrl.trim()))
    problems.push({ field: 'videoUrl', code: 'VIDEO_URL_NOT_HTTPS' });
  return problems;
}

/** The API's input for a checked draft. Place fields that do not apply to the mode are cleared. */
export function meetingInput(d: MeetingDraft) {
  const questions = d.questions
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean);
  return {
    title: d.title.trim(),
    startsAt: toInstant(d.date, d.startTime) as string,
    endsAt: toInstant(d.date, d.endTime) as string,
    mode: d.mode,
    location: d.mode === 'PHYSICAL' ? d.location.trim() : null,
    videoUrl: d.videoUrl.trim() || null,
    theme: d.theme.trim() || null,
    preparation: d.preparation.trim(),
    discussionQuestions: questions,
  };
}
