import type { EntityManager } from 'typeorm';
import { AttendanceStatus } from '../meeting/attendance.entity';
import { ReviewerKind } from '../review/review-assignment.entity';

/** Feedback given on one analysis. */
export interface FeedbackCountRow {
  analysisId: string;
  /** Critical friends' feedback. */
  peer: number;
  /** The course leader's feedback is given. */
  leader: boolean;
}

/** One reviewer's live critical-friend tasks in one round. */
export interface TaskCountRow {
  personId: string;
  roundId: string;
  total: number;
  done: number;
}

/** The cohort's meetings: all of them, and those started by `now`. */
export interface MeetingCountRow {
  planned: number;
  held: number;
}

/** Meetings one person attended. */
export interface AttendanceCountRow {
  personId: string;
  attended: number;
}

/**
 * The aggregates progress (rule 6) is computed from, one statement each for a whole cohort however
 * many participants it has. The only SQL of the progress read path, shared by the screens
 * (feature-review) and the mails (feature-notification) through `cohortCompletions`.
 */
export class ProgressFacts {
  constructor(private readonly m: EntityManager) {}

  // Raw SQL: aggregates (count … FILTER, bool_or, GROUP BY) that TypeORM's finders cannot express.
  feedbackCounts(cohortId: string): Promise<FeedbackCountRow[]> {
    return this.m.query(
      `SELECT f.analysis_id AS "analysisId",
              (count(*) FILTER (WHERE f.kind = $2))::int AS "peer",
              bool_or(f.kind = $3) AS "leader"
         FROM feedback f JOIN analysis a ON a.id = f.analysis_id
        WHERE a.cohort_id = $1
        GROUP BY f.analysis_id`,
      [cohortId, ReviewerKind.PEER, ReviewerKind.LEADER],
    );
  }

  // Raw SQL: a grouped count of two columns in one statement.
  taskCounts(cohortId: string): Promise<TaskCountRow[]> {
    return this.m.query(
      `SELECT reviewer_id AS "personId", round_id AS "roundId",
              count(*)::int AS "total", count(completed_at)::int AS "done"
         FROM review_assignment
        WHERE cohort_id = $1 AND kind = $2 AND cancelled_at IS NULL
        GROUP BY reviewer_id, round_id`,
      [cohortId, ReviewerKind.PEER],
    );
  }

  // Raw SQL: two counts (one filtered) in one statement instead of two.
  async meetingCounts(cohortId: string, now: Date): Promise<MeetingCountRow> {
    const [row]: MeetingCountRow[] = await this.m.query(
      `SELECT count(*)::int AS "planned", (count(*) FILTER (WHERE starts_at <= $2))::int AS "held"
         FROM meeting WHERE cohort_id = $1`,
      [cohortId, now],
    );
    return row ?? { planned: 0, held: 0 };
  }

  // Raw SQL: a grouped count over a join.
  attendanceCounts(cohortId: string): Promise<AttendanceCountRow[]> {
    return this.m.query(
      `SELECT a.person_id AS "personId", count(*)::int AS "attended"
         FROM attendance a JOIN meeting mt ON mt.id = a.meeting_id
        WHERE mt.cohort_id = $1 AND a.status = $2
        GROUP BY a.person_id`,
      [cohortId, AttendanceStatus.PRESENT],
    );
  }
}
