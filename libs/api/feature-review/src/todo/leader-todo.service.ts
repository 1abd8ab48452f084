import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalysisStatus, CohortRole, CohortStatus, ReviewerKind } from '@stl/api/data-access-db';
import type { Actor } from '@stl/api/feature-auth';
import { LeaderTaskKind } from './leader-todo.models';
import type { LeaderTaskModel } from './leader-todo.models';

/**
 * The open cohorts the actor leads now: the to-do is personal, so an administrator sees the items
 * of the cohorts they lead themselves, not every cohort of the organisation.
 */
const MY_COHORTS = `my_cohorts AS (
  SELECT c.id, c.name FROM cohort c
    JOIN cohort_membership cm ON cm.cohort_id = c.id
   WHERE cm.person_id = $1 AND cm.role = '${CohortRole.LEADER}' AND cm.left_at IS NULL
     AND c.status = '${CohortStatus.OPEN}')`;

const PUBLISHED = `'${AnalysisStatus.PUBLISHED}'`;
const PEER = `'${ReviewerKind.PEER}'`;
const LEADER = `'${ReviewerKind.LEADER}'`;

type Row = LeaderTaskModel;

/**
 * A course leader's to-do across the cohorts they lead (issue 19): every kind is one statement
 * over all those cohorts, whatever their number; an item leaves the list when its work is done
 * because each statement asks for exactly the state that work changes.
 */
@Injectable()
export class LeaderToDoService {
  constructor(@InjectDataSource() private readonly m: DataSource) {}

  async forLeader(actor: Actor, now = new Date()): Promise<LeaderTaskModel[]> {
    const lists = await Promise.all([
      this.leaderFeedback(actor.personId),
      this.roundsToAllocate(actor.personId, now),
      this.latePublishers(actor.personId),
      this.attendance(actor.personId, now),
    ]);
    return lists.flat().sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind));
  }

  // Raw SQL here and below: anti-joins over several tables for all the leader's cohorts in one statement.
  private leaderFeedback(me: string): Promise<Row[]> {
    return this.m.query(
      `WITH ${MY_COHORTS}
       SELECT '${LeaderTaskKind.LEADER_FEEDBACK}' AS "kind", c.id AS "cohortId", c.name AS "cohortName",
              r.id AS "roundId", r.number AS "roundNumber", a.id AS "analysisId", p.full_name AS "authorName",
              NULL::uuid AS "meetingId", NULL::int AS "meetingNumber", NULL::varchar AS "meetingTitle",
              NULL::int AS "publishedCount", r.feedback_deadline AS "dueAt",
              coalesce(a.first_published_at, r.submission_deadline) AS "waitingSince"
         FROM my_cohorts c
         JOIN analysis a ON a.cohort_id = c.id AND a.status = ${PUBLISHED} AND a.author_id <> $1
         JOIN analysis_round r ON r.id = a.round_id
         JOIN person p ON p.id = a.author_id
        WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.analysis_id = a.id AND f.kind = ${LEADER})`,
      [me],
    );
  }

  private roundsToAllocate(me: string, now: Date): Promise<Row[]> {
    return this.m.query(
      `WITH ${MY_COHORTS},
       counts AS (
         SELECT r.id AS round_id,
                (SELECT count(*) FROM analysis a WHERE a.round_id = r.id AND a.status = ${PUBLISHED})::int AS published,
                (SELECT max(a.first_published_at) FROM analysis a WHERE a.round_id = r.id AND a.status = ${PUBLISHED}) AS last_published,
                (SELECT count(*) FROM cohort_membership cm WHERE cm.cohort_id = r.cohort_id
                    AND cm.role = '${CohortRole.PARTICIPANT}' AND cm.left_at IS NULL)::int AS participants
           FROM analysis_round r JOIN my_cohorts c ON c.id = r.cohort_id)
       SELECT '${LeaderTaskKind.ROUND_TO_ALLOCATE}' AS "kind", c.id AS "cohortId", c.name AS "cohortName",
              r.id AS "roundId", r.number AS "roundNumber", NULL::uuid AS "analysisId", NULL::varchar AS "authorName",
              NULL::uuid AS "meetingId", NULL::int AS "meetingNumber", NULL::varchar AS "meetingTitle",
              n.published AS "publishedCount",
              CASE WHEN r.submission_deadline <= $2 THEN r.submission_deadline
                   ELSE coalesce(n.last_published, r.submission_deadline) END AS "dueAt",
              CASE WHEN r.submission_deadline <= $2 THEN r.submission_deadline
                   ELSE coalesce(n.last_published, r.submission_deadline) END AS "waitingSince"
         FROM my_cohorts c
         JOIN analysis_round r ON r.cohort_id = c.id
         JOIN counts n ON n.round_id = r.id
        WHERE n.published > 0
          AND (r.submission_deadline <= $2 OR n.published >= n.participants)
          AND NOT EXISTS (SELECT 1 FROM round_allocation al WHERE al.round_id = r.id)`,
      [me, now],
    );
  }

  private latePublishers(me: string): Promise<Row[]> {
    return this.m.query(
      `WITH ${MY_COHORTS}
       SELECT '${LeaderTaskKind.LATE_PUBLISHER}' AS "kind", c.id AS "cohortId", c.name AS "cohortName",
              r.id AS "roundId", r.number AS "roundNumber", a.id AS "analysisId", p.full_name AS "authorName",
              NULL::uuid AS "meetingId", NULL::int AS "meetingNumber", NULL::varchar AS "meetingTitle",
              NULL::int AS "publishedCount", a.first_published_at AS "dueAt", a.first_published_at AS "waitingSince"
         FROM my_cohorts c
         JOIN analysis_round r ON r.cohort_id = c.id
         JOIN round_allocation al ON al.round_id = r.id
         JOIN analysis a ON a.round_id = r.id AND a.status = ${PUBLISHED}
         JOIN person p ON p.id = a.author_id
        WHERE NOT EXISTS (SELECT 1 FROM review_assignment ra WHERE ra.analysis_id = a.id
                            AND ra.kind = ${PEER} AND ra.cancelled_at IS NULL)`,
      [me],
    );
  }

  private attendance(me: string, now: Date): Promise<Row[]> {
    return this.m.query(
      `WITH ${MY_COHORTS}
       SELECT '${LeaderTaskKind.ATTENDANCE_TO_REGISTER}' AS "kind", c.id AS "cohortId", c.name AS "cohortName",
              NULL::uuid AS "roundId", NULL::int AS "roundNumber", NULL::uuid AS "analysisId",
              NULL::varchar AS "authorName", mt.id AS "meetingId", mt.number AS "meetingNumber",
              mt.title AS "meetingTitle", NULL::int AS "publishedCount", mt.starts_at AS "dueAt",
              mt.starts_at AS "waitingSince"
         FROM my_cohorts c
         JOIN meeting mt ON mt.cohort_id = c.id
        WHERE mt.starts_at <= $2
          AND NOT EXISTS (SELECT 1 FROM attendance at WHERE at.meeting_id = mt.id)`,
      [me, now],
    );
  }
}
