import { stockholmInstant, wallClock } from '../calendar/stockholm';
import { addDays } from '../rules/iso-date';

export interface MeetingSlot {
  id: string;
  number: number;
  startsAt: string;
  endsAt: string;
}

export interface DerivedRound {
  number: number;
  opensAt: string;
  submissionDeadline: string;
  feedbackDeadline: string;
  /** The meeting where the analyses, with their feedback, are discussed. */
  meetingId: string;
}

/** The clock time deadlines fall on, 23.59: the last minute of the day before a meeting. */
const DEADLINE_MINUTE = 23 * 60 + 59;

/** The end of the day before a meeting, in Swedish time. */
function dayBefore(meeting: MeetingSlot): string {
  const { date } = wallClock(new Date(meeting.startsAt));
  return stockholmInstant(addDays(date, -1), DEADLINE_MINUTE).toISOString();
}

/** How many rounds a plan of `meetings` meetings can carry by the rule below. */
export function derivableRoundCount(meetings: number): number {
  return Math.max(0, meetings - 2);
}

/**
 * Round deadlines from the meeting plan, so the course follows the rhythm of its meetings. The
 * set-up screens offer it, and copying a cohort derives the copy's rounds by it again.
 * With the meetings in time order M1, M2, …, round k:
 * - opens when meeting k ends (the round is introduced there and tried out in class after it);
 * - must be published by the end of the day before meeting k+1;
 * - gets its feedback by the end of the day before meeting k+2, where it is discussed.
 * So eight meetings carry six rounds. Gives at most `count` rounds, fewer when meetings are missing.
 */
export function deriveRounds(meetings: readonly MeetingSlot[], count: number): DerivedRound[] {
  const ordered = [...meetings].sort(
    (a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() || a.number - b.number,
  );
  const rounds: DerivedRound[] = [];
  for (let k = 0; k < Math.min(count, derivableRoundCount(ordered.length)); k++) {
    rounds.push({
      number: k + 1,
      opensAt: new Date(ordered[k].endsAt).toISOString(),
      submissionDeadline: dayBefore(ordered[k + 1]),
      feedbackDeadline: dayBefore(ordered[k + 2]),
      meetingId: ordered[k + 2].id,
    });
  }
  return rounds;
}
