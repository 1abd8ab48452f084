import type { FieldError } from './field-error';
import { isIsoDate } from '@stl/shared/domain';
import { isClockTime, toInstant, toLocalParts } from './local-time';

/** A round as typed into the form. */
export interface RoundDraft {
  title: string;
  opensDate: string;
  opensTime: string;
  submissionDate: string;
  submissionTime: string;
  feedbackDate: string;
  feedbackTime: string;
  meetingId: string;
}

export const EMPTY_ROUND: RoundDraft = {
  title: '',
  opensDate: '',
  opensTime: '08:00',
  submissionDate: '',
  submissionTime: '23:59',
  feedbackDate: '',
  feedbackTime: '23:59',
  meetingId: '',
};

export interface RoundLike {
  title: string;
  opensAt: string;
  submissionDeadline: string;
  feedbackDeadline: string;
  meetingId?: string | null;
}

export function roundDraftOf(r: RoundLike): RoundDraft {
  const o = toLocalParts(r.opensAt);
  const s = toLocalParts(r.submissionDeadline);
  const f = toLocalParts(r.feedbackDeadline);
  return {
    title: r.title,
    opensDate: o.date,
    opensTime: o.time,
    submissionDate: s.date,
    submissionTime: s.time,
    feedbackDate: f.date,
    feedbackTime: f.time,
    meetingId: r.meetingId ?? '',
  };
}

const PAIRS = [
  ['opens', 'opensDate', 'opensTime'],
  ['submission', 'submissionDate', 'submissionTime'],
  ['feedback', 'feedbackDate', 'feedbackTime'],
] as const;

/** Problems the browser can see: every field filled in, and the three times in order. */
export function roundProblems(d: RoundDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (!d.title.trim()) problems.push({ field: 'title', code: 'REQUIRED' });
  for (const [, date, time] of PAIRS) {
    if (!isIsoDate(d[date])) problems.push({ field: date, code: 'INVALID_DATE' });
    if (!isClockTime(d[time])) problems.push({ field: time, code: 'INVALID_TIME' });
  }
  if (problems.length) return problems;
  const input = roundInput(d);
  if (input.submissionDeadline <= input.opensAt)
    problems.push({ field: 'submissionDate', code: 'SUBMISSION_BEFORE_OPENING' });
  if (input.feedbackDeadline <= input.submissionDeadline)
    problems.push({ field: 'feedbackDate', code: 'FEEDBACK_BEFORE_SUBMISSION' });
  return problems;
}

export function roundInput(d: RoundDraft) {
  return {
    title: d.title.trim(),
    opensAt: toInstant(d.opensDate, d.opensTime) as string,
    submissionDeadline: toInstant(d.submissionDate, d.submissionTime) as string,
    feedbackDeadline: toInstant(d.feedbackDate, d.feedbackTime) as string,
    meetingId: d.meetingId || null,
  };
}
