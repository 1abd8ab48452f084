import { roundTitleBesideNumber } from '@stl/shared/domain';
import type { CohortSummary, Meeting, MyProgress, Round } from '@stl/web/data-access';

/** The next meeting that has not ended yet. */
export function nextMeeting(cohort: CohortSummary, now: number): Meeting | null {
  return cohort.meetings.find((m) => new Date(m.endsAt).getTime() > now) ?? null;
}

export interface RoundToDo {
  round: Round;
  /** The round's title beside its number, or null when it only repeats it ("Analys 3"). */
  title: string | null;
  /** NOT_STARTED → write; DRAFT → continue. */
  started: boolean;
  overdue: boolean;
}

/** A participant's open rounds without a published analysis, soonest deadline first. */
export function roundsToWrite(cohort: CohortSummary, progress: MyProgress, now: number): RoundToDo[] {
  const status = new Map(progress.rounds.map((r) => [r.roundId, r.analysisStatus]));
  return cohort.rounds
    .filter((r) => new Date(r.opensAt).getTime() <= now && status.get(r.id) !== 'PUBLISHED')
    .map((round) => ({
      round,
      title: roundTitleBesideNumber(round.title, round.number),
      started: status.get(round.id) === 'DRAFT',
      overdue: new Date(round.submissionDeadline).getTime() < now,
    }))
    .sort(
      (a, b) =>
        new Date(a.round.submissionDeadline).getTime() - new Date(b.round.submissionDeadline).getTime(),
    );
}

/** The first round that has not opened yet. */
export function nextRound(cohort: CohortSummary, now: number): Round | null {
  return cohort.rounds.find((r) => new Date(r.opensAt).getTime() > now) ?? null;
}

/** The round whose submission deadline comes next (for leaders). */
export function nextDeadline(cohort: CohortSummary, now: number): Round | null {
  return cohort.rounds.find((r) => new Date(r.submissionDeadline).getTime() > now) ?? null;
}

export interface FeedbackToRead {
  analysisId: string;
  number: number;
  /** Feedback not yet answered: neither marked helpful nor replied to by the author. */
  open: number;
}

interface ReceivedFeedback {
  kind: string;
  helpful: boolean;
  comments: readonly { kind: string }[];
}

/** The author has dealt with this feedback: marked it helpful or replied to it. */
export function feedbackAnswered(f: ReceivedFeedback): boolean {
  return f.helpful || f.comments.some((c) => c.kind === 'REPLY');
}

/**
 * My published analyses with feedback still to answer, newest round first: what the home page
 * offers to read. An analysis leaves the list once all its feedback is answered.
 */
export function feedbackToRead(
  analyses: readonly { id: string; round: { number: number }; feedback: readonly ReceivedFeedback[] }[],
): FeedbackToRead[] {
  return analyses
    .map((a) => ({
      analysisId: a.id,
      number: a.round.number,
      open: a.feedback.filter((f) => !feedbackAnswered(f)).length,
    }))
    .filter((a) => a.open > 0)
    .sort((a, b) => b.number - a.number);
}
