import type { FieldError } from './field-error';
import type { RoundPlanInput } from '@stl/web/data-access';
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

/** An existing round as planRounds needs it (template version left out: it stays). */
interface PlannedRound {
  id: string;
  number: number;
  title: string;
  opensAt: string;
  submissionDeadline: string;
  feedbackDeadline: string;
  meetingId?: string | null;
}

/** A proposed round: number, dates and the meeting where it is discussed. */
interface ProposedRound {
  number: number;
  opensAt: string;
  submissionDeadline: string;
  feedbackDeadline: string;
  meetingId: string | null;
}

/**
 * The cohort's whole round plan for planRounds: every existing round (by id; with the proposed
 * dates and meeting if the proposal has its number), then each proposed round that does not exist
 * yet, new, with `templateVersionId` and a default title. Nothing is left out, so nothing is removed.
 */
export function planFrom(
  existing: readonly PlannedRound[],
  proposal: readonly ProposedRound[],
  templateVersionId: string,
  titleOf: (n: number) => string,
): RoundPlanInput[] {
  const kept = existing.map((r): RoundPlanInput => {
    const d = proposal.find((p) => p.number === r.number);
    const from = d ?? r;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      opensAt: from.opensAt,
      submissionDeadline: from.submissionDeadline,
      feedbackDeadline: from.feedbackDeadline,
      meetingId: from.meetingId ?? null,
    };
  });
  const added = proposal
    .filter((d) => !existing.some((r) => r.number === d.number))
    .map((d): RoundPlanInput => ({
      number: d.number,
      title: titleOf(d.number),
      templateVersionId,
      opensAt: d.opensAt,
      submissionDeadline: d.submissionDeadline,
      feedbackDeadline: d.feedbackDeadline,
      meetingId: d.meetingId,
    }));
  return [...kept, ...added].sort((a, b) => a.number - b.number);
}
