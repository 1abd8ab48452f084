import type { CohortSummary, Meeting, MyProgress, Round } from '@stl/web/data-access';

/** The next meeting that has not ended yet. */
export function nextMeeting(cohort: CohortSummary, now: number): Meeting | null {
  return cohort.meetings.find((m) => new Date(m.endsAt).getTime() > now) ?? null;
}

export interface RoundToDo {
  round: Round;
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
  leader: number;
  peer: number;
}

/** My published analyses that have feedback, newest round first: what the home page offers to read. */
export function feedbackToRead(
  analyses: readonly { id: string; round: { number: number }; feedback: readonly { kind: string }[] }[],
): FeedbackToRead[] {
  return analyses
    .filter((a) => a.feedback.length > 0)
    .map((a) => ({
      analysisId: a.id,
      number: a.round.number,
      leader: a.feedback.filter((f) => f.kind === 'LEADER').length,
      peer: a.feedback.filter((f) => f.kind === 'PEER').length,
    }))
    .sort((a, b) => b.number - a.number);
}
