import { MIN_PUBLISHED_ANALYSES_FOR_COMPLETION } from '../rules/constants';
import type {
  CompletionInput,
  CompletionMissing,
  CompletionResult,
  CompletionRoundInput,
  RoundCompletion,
  SupportLevel,
  SupportReason,
  SupportThresholds,
} from './types';

/** The thresholds an organisation starts with (course rule 8). */
export const DEFAULT_SUPPORT_THRESHOLDS: SupportThresholds = Object.freeze({
  behindAfterDays: 1,
  needsSupportAfterDays: 7,
  needsSupportRoundsMissed: 2,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** Shares like 0.7 × 10 are 7.000000000000001 in floating point; never ask for a meeting too many. */
const EPSILON = 1e-9;

/** Counts that are not finite non-negative numbers count as zero: bad data never completes anyone. */
function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function share(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}

function meetingsNeeded(requiredShare: number, meetings: number): number {
  return Math.max(0, Math.ceil(requiredShare * meetings - EPSILON));
}

function passed(deadline: Date | undefined, now: Date | undefined): boolean {
  return !!deadline && !!now && now.getTime() > deadline.getTime();
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whole days from `deadline` to `now`; 0 when either is missing or the deadline is ahead. */
function daysPast(deadline: Date | undefined, now: Date | undefined): number {
  if (!deadline || !now) return 0;
  return Math.max(0, Math.floor((now.getTime() - deadline.getTime()) / DAY_MS));
}

/** Thresholds below 1 would flag people before anything is overdue; bad values fall back to the defaults. */
function thresholds(t: SupportThresholds | undefined): SupportThresholds {
  const pick = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isInteger(value) && value >= 1 ? value : fallback;
  const d = DEFAULT_SUPPORT_THRESHOLDS;
  const behindAfterDays = pick(t?.behindAfterDays, d.behindAfterDays);
  return {
    behindAfterDays,
    needsSupportAfterDays: Math.max(behindAfterDays, pick(t?.needsSupportAfterDays, d.needsSupportAfterDays)),
    needsSupportRoundsMissed: pick(t?.needsSupportRoundsMissed, d.needsSupportRoundsMissed),
  };
}

function roundCompletion(r: CompletionRoundInput, now: Date | undefined): RoundCompletion {
  const peerFeedbackCount = count(r.peerFeedbackCount);
  const tasksTotal = count(r.tasksTotal);
  const tasksDone = Math.min(count(r.tasksDone), tasksTotal);
  const published = r.published === true;
  const leaderFeedback = r.leaderFeedback === true;
  const feedbackComplete = leaderFeedback && peerFeedbackCount >= 1;
  const feedbackPassed = passed(r.feedbackDeadline, now);
  return {
    roundId: r.roundId,
    number: r.number,
    published,
    peerFeedbackCount,
    leaderFeedback,
    complete: published && feedbackComplete,
    tasksTotal,
    tasksDone,
    submissionOverdue: !published && passed(r.submissionDeadline, now),
    feedbackOverdue: published && !feedbackComplete && feedbackPassed,
    tasksOverdue: tasksDone < tasksTotal && feedbackPassed,
  };
}

/**
 * Product rule 6, computed and never stored: a participant has completed the course with at least
 * `minPublished` (6) published analyses that each got leader feedback and at least one peer feedback,
 * all of their own critical-friend assignments done, and attendance at the cohort's required share
 * of its planned meetings. `missing` lists, in that order, everything still needed; it is empty exactly
 * when `completed` is true. Feedback gaps are listed only while they keep the participant from the
 * minimum (a seventh analysis without feedback does not block completion).
 */
export function participantCompletion(input: CompletionInput): CompletionResult {
  const minPublished =
    input.minPublished === undefined ? MIN_PUBLISHED_ANALYSES_FOR_COMPLETION : count(input.minPublished);
  const now = input.now;
  const rounds = [...input.rounds]
    .sort((a, b) => a.number - b.number || (a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : 0))
    .map((r) => roundCompletion(r, now));

  const publishedCount = rounds.filter((r) => r.published).length;
  const completeCount = rounds.filter((r) => r.complete).length;
  const tasksTotal = rounds.reduce((s, r) => s + r.tasksTotal, 0);
  const tasksDone = rounds.reduce((s, r) => s + r.tasksDone, 0);

  const requiredShare = share(input.requiredAttendanceShare);
  const planned = count(input.meetings.planned);
  const held = count(input.meetings.held);
  const attended = count(input.meetings.attended);
  const meetingsRequired = meetingsNeeded(requiredShare, planned);
  const attendanceMet = attended >= meetingsRequired;
  const attendanceOnTrack = attended >= meetingsNeeded(requiredShare, Math.min(held, planned));

  const missing: CompletionMissing[] = [];
  if (completeCount < minPublished) {
    if (publishedCount < minPublished) {
      missing.push({
        code: 'TOO_FEW_PUBLISHED',
        message: `Published ${publishedCount} of the ${minPublished} analyses needed.`,
        required: minPublished,
        actual: publishedCount,
      });
    }
    for (const r of rounds) {
      if (!r.published) continue;
      if (!r.leaderFeedback) {
        missing.push({
          code: 'LEADER_FEEDBACK_MISSING',
          message: `The analysis in round ${r.number} has no feedback from a course leader yet.`,
          roundId: r.roundId,
          roundNumber: r.number,
        });
      }
      if (r.peerFeedbackCount < 1) {
        missing.push({
          code: 'PEER_FEEDBACK_MISSING',
          message: `The analysis in round ${r.number} has no feedback from a critical friend yet.`,
          roundId: r.roundId,
          roundNumber: r.number,
        });
      }
    }
  }
  if (tasksDone < tasksTotal) {
    const open = tasksTotal - tasksDone;
    missing.push({
      code: 'REVIEW_TASKS_OPEN',
      message: `${plural(open, 'critical-friend assignment', 'critical-friend assignments')} of ${tasksTotal} not done yet.`,
      required: tasksTotal,
      actual: tasksDone,
    });
  }
  if (!attendanceMet) {
    missing.push({
      code: 'ATTENDANCE_TOO_LOW',
      message: `Attended ${attended} of ${plural(planned, 'meeting', 'meetings')}; ${meetingsRequired} needed (${Math.round(requiredShare * 100)} %).`,
      required: meetingsRequired,
      actual: attended,
    });
  }

  const completed = missing.length === 0;
  const reasons = completed
    ? []
    : supportReasons(rounds, input.rounds, now, thresholds(input.supportThresholds), {
        attended,
        held: Math.min(held, planned),
        onTrack: attendanceOnTrack,
        allowedAbsences: planned - meetingsRequired,
      });
  const supportLevel: SupportLevel = reasons.some((r) => r.level === 'NEEDS_SUPPORT')
    ? 'NEEDS_SUPPORT'
    : reasons.length
      ? 'BEHIND'
      : 'ON_TRACK';
  return {
    completed,
    rounds,
    publishedCount,
    completeCount,
    minPublished,
    tasksTotal,
    tasksDone,
    meetingsAttended: attended,
    meetingsHeld: held,
    meetingsPlanned: planned,
    meetingsRequired,
    attendanceShare: planned === 0 ? 0 : attended / planned,
    attendanceMet,
    attendanceOnTrack,
    supportLevel,
    needsSupport: supportLevel === 'NEEDS_SUPPORT',
    supportReasons: reasons,
    missing,
  };
}

/**
 * Course rule 8, the one support rule: only what is in the participant's own hands counts, each
 * reason with its numbers and its own level.
 * - An analysis not published `behindAfterDays`+ whole days after its submission deadline: BEHIND;
 *   NEEDS_SUPPORT when `needsSupportAfterDays`+ late or when `needsSupportRoundsMissed`+ analyses are.
 * - Own critical-friend tasks open `behindAfterDays`+ days after the feedback deadline: BEHIND
 *   (never more on their own: the analyses and the meetings are what the course stands on).
 * - Attendance below the cohort's required share of the meetings held so far (never of planned
 *   ones): BEHIND; NEEDS_SUPPORT once they have missed as many meetings as the course allows in all
 *   (planned minus required), so one more absence would cost them the course.
 * Late feedback *on* the participant's analysis is the debtor's to-do, never the participant's flag.
 */
function supportReasons(
  rounds: readonly RoundCompletion[],
  inputs: readonly CompletionRoundInput[],
  now: Date | undefined,
  t: SupportThresholds,
  attendance: { attended: number; held: number; onTrack: boolean; allowedAbsences: number },
): SupportReason[] {
  const deadlines = new Map(inputs.map((r) => [r.roundId, r]));
  const late = rounds
    .filter((r) => r.submissionOverdue)
    .map((r) => ({ round: r.number, days: daysPast(deadlines.get(r.roundId)?.submissionDeadline, now) }))
    .filter((r) => r.days >= t.behindAfterDays);
  const manyMissed = late.length >= t.needsSupportRoundsMissed;
  const reasons: SupportReason[] = late.map(({ round, days }) => ({
    code: 'ANALYSIS_OVERDUE',
    level: manyMissed || days >= t.needsSupportAfterDays ? 'NEEDS_SUPPORT' : 'BEHIND',
    roundNumbers: [round],
    days,
    message: `The analysis of round ${round} is ${plural(days, 'day', 'days')} past its deadline and not published.`,
  }));
  for (const r of rounds) {
    if (!r.tasksOverdue) continue;
    const days = daysPast(deadlines.get(r.roundId)?.feedbackDeadline, now);
    if (days < t.behindAfterDays) continue;
    reasons.push({
      code: 'TASKS_OVERDUE',
      level: 'BEHIND',
      roundNumbers: [r.number],
      days,
      message: `Critical-friend feedback in round ${r.number} is ${plural(days, 'day', 'days')} past its deadline.`,
    });
  }
  if (!attendance.onTrack) {
    const missed = Math.max(0, attendance.held - attendance.attended);
    reasons.push({
      code: 'ATTENDANCE_BEHIND',
      level: missed >= Math.max(1, attendance.allowedAbsences) ? 'NEEDS_SUPPORT' : 'BEHIND',
      roundNumbers: [],
      missed,
      held: attendance.held,
      message: `Missed ${missed} of the ${plural(attendance.held, 'meeting', 'meetings')} held so far, below the required share.`,
    });
  }
  return reasons;
}
