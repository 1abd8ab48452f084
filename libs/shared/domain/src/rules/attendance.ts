/** Why attendance cannot be recorded for a meeting (yet). */
export interface AttendanceRecordingProblem {
  readonly code: 'MEETING_NOT_STARTED';
  /** When the meeting starts: from then on its attendance can be recorded. */
  readonly startsAt: Date;
  readonly message: string;
}

const timeOf = (value: Date, what: string): number => {
  const ms = value instanceof Date ? value.getTime() : NaN;
  // Both come from the database or the clock, not from a form: an invalid one is a bug.
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid ${what}.`);
  return ms;
};

/**
 * Attendance records what happened, so it can be recorded once a meeting has started (a course
 * leader may take the register while the meeting is on) and never for a meeting still ahead, which
 * completion (rule 6) would otherwise count as a presence nobody has had yet. "Started" is the same
 * test as "held so far" in completion: the start time is at or before `now`.
 *
 * Null when attendance may be recorded. Throws RangeError when either date is invalid.
 */
export function attendanceRecordingProblem(
  meeting: { readonly startsAt: Date },
  now: Date,
): AttendanceRecordingProblem | null {
  if (timeOf(meeting.startsAt, "meeting's start time") <= timeOf(now, 'current time')) return null;
  return {
    code: 'MEETING_NOT_STARTED',
    startsAt: meeting.startsAt,
    message: `The meeting has not started yet (it starts ${meeting.startsAt.toISOString()}); attendance can be recorded once it has begun.`,
  };
}
