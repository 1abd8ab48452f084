import type { DataSource, EntityManager } from 'typeorm';
import type { SupportThresholds } from '@stl/shared/domain';
import { AnalysisStatus } from '../analysis/analysis.entity';
import { CohortRole } from '../cohort/cohort-membership.entity';
import { AttendanceStatus } from '../meeting/attendance.entity';
import { SchoolEntity } from '../organisation/school.entity';
import { ReviewerKind } from '../review/review-assignment.entity';
import { supportThresholdsOf } from './cohort-completions';

/**
 * Which participants an organisation's follow-up covers: the current participants (not withdrawn,
 * as on the progress matrix) of the organisation's cohorts, narrowed by the filters. Every school
 * year is read: the dashboard compares them.
 */
export interface FollowUpScope {
  organisationId: string;
  /** Only cohorts this person currently leads (a course leader's dashboard); null: every cohort. */
  leaderId: string | null;
  cohortId: string | null;
  /** Only participants enrolled from this school. */
  schoolId: string | null;
}

/** A cohort in scope, with what the dashboard groups and labels by. */
export interface FollowUpCohortRow {
  id: string;
  name: string;
  schoolYear: string;
  startsOn: string;
  endsOn: string;
  requiredAttendanceShare: number;
  /** All of the cohort's meetings, and those started by `now` (as `cohortFacts`). */
  planned: number;
  held: number;
}

/** A round of a cohort in scope, with the deadlines the overdue flags refer to. */
export interface FollowUpRoundRow {
  id: string;
  cohortId: string;
  number: number;
  submissionDeadline: Date;
  feedbackDeadline: Date;
}

/**
 * One participant of one cohort: the narrow facts `participantCompletion` needs, never a text.
 * `rounds` holds one entry per round of the cohort, in number order:
 * [roundId, published, peer feedback count, leader feedback given, own peer tasks, done].
 */
export interface FollowUpParticipantRow {
  cohortId: string;
  personId: string;
  schoolId: string | null;
  attended: number;
  rounds: [string, boolean, number, boolean, number, number][];
}

/**
 * Feedback turnaround of one group of published analyses: hours from first publication to the
 * first feedback of a critical friend, and to the first feedback of a course leader, as the median
 * and 90th percentile (`percentile_cont`, interpolated) over the analyses that have had it.
 */
export interface TurnaroundRow {
  schoolYear: string;
  /** Set in the rows grouped by school (null there: participants enrolled from no school). */
  schoolId: string | null;
  /** Set in the rows grouped by cohort. */
  cohortId: string | null;
  /** Which grouping the row is: the school year alone, by school, or by cohort. */
  grouping: 'YEAR' | 'SCHOOL' | 'COHORT';
  published: number;
  peerCount: number;
  peerMedianHours: number | null;
  peerP90Hours: number | null;
  leaderCount: number;
  leaderMedianHours: number | null;
  leaderP90Hours: number | null;
}

/** The cohorts of the scope; `$1` organisation, `$2` cohort or null, `$3` leader or null. */
const COHORTS_IN_SCOPE = `
  SELECT c.id, c.name, c.school_year, c.starts_on, c.ends_on, c.required_attendance_share
    FROM cohort c
   WHERE c.organisation_id = $1
     AND ($2::uuid IS NULL OR c.id = $2::uuid)
     AND ($3::uuid IS NULL OR EXISTS (
           SELECT 1 FROM cohort_membership l
            WHERE l.cohort_id = c.id AND l.person_id = $3::uuid
              AND l.role = '${CohortRole.LEADER}' AND l.left_at IS NULL))`;

/** The participants of the scope's cohorts; `$4` school or null. Needs the CTE `sc`. */
const MEMBERS_IN_SCOPE = `
  SELECT m.cohort_id, m.person_id, m.school_id, sc.school_year
    FROM cohort_membership m JOIN sc ON sc.id = m.cohort_id
   WHERE m.role = '${CohortRole.PARTICIPANT}' AND m.left_at IS NULL
     AND ($4::uuid IS NULL OR m.school_id = $4::uuid)`;

/**
 * The feedback on one published analysis `a` (critical friends counted, a course leader's given or
 * not, and the first of each kind), for a LATERAL join: one row per analysis, read from the covering
 * index on feedback (migration DashboardIndexes). A grouped subquery joined by id instead misleads
 * the planner into millions of rows (and a JIT compilation that costs more than the query).
 */
const FEEDBACK_OF_A = `
  SELECT count(*) FILTER (WHERE f.kind = '${ReviewerKind.PEER}') AS peer,
         coalesce(bool_or(f.kind = '${ReviewerKind.LEADER}'), false) AS leader,
         min(f.created_at) FILTER (WHERE f.kind = '${ReviewerKind.PEER}') AS first_peer,
         min(f.created_at) FILTER (WHERE f.kind = '${ReviewerKind.LEADER}') AS first_leader
    FROM feedback f
   WHERE f.analysis_id = a.id AND a.status = '${AnalysisStatus.PUBLISHED}'`;

const scopeParams = (s: FollowUpScope) => [s.organisationId, s.cohortId, s.leaderId, s.schoolId];

/**
 * The organisation's follow-up (issue 14) as a few aggregated statements, whatever the number of
 * cohorts and participants: the cohorts with their meeting counts, their rounds, one narrow row per
 * participant, and the feedback turnaround per school year, school and cohort. Completion and the
 * overdue flags are not written again in SQL: the caller applies the one rule of the shared domain
 * (`participantCompletion`) to the participant rows, as `cohortCompletions` does for one cohort.
 */
export class OrganisationFollowUpFacts {
  constructor(private readonly m: EntityManager) {}

  // Raw SQL: counts per cohort (one filtered) over the scope, in one statement.
  cohorts(scope: FollowUpScope, now: Date): Promise<FollowUpCohortRow[]> {
    return this.m.query(
      `WITH sc AS (${COHORTS_IN_SCOPE})
       SELECT sc.id, sc.name, sc.school_year AS "schoolYear",
              to_char(sc.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(sc.ends_on, 'YYYY-MM-DD') AS "endsOn",
              sc.required_attendance_share::float8 AS "requiredAttendanceShare",
              count(mt.id)::int AS "planned", (count(mt.id) FILTER (WHERE mt.starts_at <= $4))::int AS "held"
         FROM sc LEFT JOIN meeting mt ON mt.cohort_id = sc.id
        GROUP BY sc.id, sc.name, sc.school_year, sc.starts_on, sc.ends_on, sc.required_attendance_share`,
      [...scopeParams(scope).slice(0, 3), now],
    );
  }

  // Raw SQL: the rounds of many cohorts in one statement.
  rounds(scope: FollowUpScope): Promise<FollowUpRoundRow[]> {
    return this.m.query(
      `WITH sc AS (${COHORTS_IN_SCOPE})
       SELECT r.id, r.cohort_id AS "cohortId", r.number,
              r.submission_deadline AS "submissionDeadline", r.feedback_deadline AS "feedbackDeadline"
         FROM analysis_round r JOIN sc ON sc.id = r.cohort_id
        ORDER BY r.cohort_id, r.number`,
      scopeParams(scope).slice(0, 3),
    );
  }

  /**
   * One row per participant: per round whether their analysis is published, the feedback it got
   * (critical friends counted, a course leader's given or not, over all versions, as
   * `cohortFacts`), their own live critical-friend tasks and how many are done (as
   * `cohortFacts`), and the meetings they attended.
   */
  // Raw SQL: grouped counts over joins, one JSON array per participant; TypeORM's finders cannot.
  participants(scope: FollowUpScope): Promise<FollowUpParticipantRow[]> {
    return this.m.query(
      `WITH sc AS (${COHORTS_IN_SCOPE}),
            mem AS (${MEMBERS_IN_SCOPE}),
            tk AS (
              SELECT ra.reviewer_id, ra.round_id, count(*) AS total, count(ra.completed_at) AS done
                FROM review_assignment ra JOIN sc ON sc.id = ra.cohort_id
               WHERE ra.kind = '${ReviewerKind.PEER}' AND ra.cancelled_at IS NULL
               GROUP BY ra.reviewer_id, ra.round_id),
            att AS (
              SELECT mt.cohort_id, at.person_id, count(*) AS attended
                FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id JOIN sc ON sc.id = mt.cohort_id
               WHERE at.status = '${AttendanceStatus.PRESENT}'
               GROUP BY mt.cohort_id, at.person_id),
            pr AS (
              SELECT mem.cohort_id, mem.person_id, mem.school_id,
                     coalesce(json_agg(json_build_array(
                                r.id, coalesce(a.status = '${AnalysisStatus.PUBLISHED}', false),
                                coalesce(fb.peer, 0), coalesce(fb.leader, false),
                                coalesce(tk.total, 0), coalesce(tk.done, 0)) ORDER BY r.number)
                              FILTER (WHERE r.id IS NOT NULL), '[]') AS rounds
                FROM mem LEFT JOIN analysis_round r ON r.cohort_id = mem.cohort_id
                LEFT JOIN analysis a
                       ON a.cohort_id = mem.cohort_id AND a.author_id = mem.person_id AND a.round_id = r.id
                LEFT JOIN LATERAL (${FEEDBACK_OF_A}) fb ON true
                LEFT JOIN tk ON tk.round_id = r.id AND tk.reviewer_id = mem.person_id
               GROUP BY mem.cohort_id, mem.person_id, mem.school_id)
       SELECT pr.cohort_id AS "cohortId", pr.person_id AS "personId", pr.school_id AS "schoolId",
              coalesce(att.attended, 0)::int AS "attended", pr.rounds AS "rounds"
         FROM pr LEFT JOIN att ON att.cohort_id = pr.cohort_id AND att.person_id = pr.person_id`,
      scopeParams(scope),
    );
  }

  /**
   * Feedback turnaround of the participants' published analyses, per school year, per school and
   * school year, and per cohort (grouping sets, one pass): from the analysis's first publication to
   * the first feedback of each kind on any of its versions. Analyses still waiting count in
   * `published` but not in the percentiles.
   */
  // Raw SQL: ordered-set aggregates (percentile_cont) over grouping sets.
  async turnaround(scope: FollowUpScope): Promise<TurnaroundRow[]> {
    const rows: (TurnaroundRow & { g_school: number; g_cohort: number })[] = await this.m.query(
      `WITH sc AS (${COHORTS_IN_SCOPE}),
            mem AS (${MEMBERS_IN_SCOPE}),
            t AS (
              SELECT mem.school_year, mem.school_id, mem.cohort_id,
                     extract(epoch FROM fb.first_peer - a.first_published_at) / 3600 AS peer_hours,
                     extract(epoch FROM fb.first_leader - a.first_published_at) / 3600 AS leader_hours
                FROM mem
                JOIN analysis a ON a.cohort_id = mem.cohort_id AND a.author_id = mem.person_id
                CROSS JOIN LATERAL (${FEEDBACK_OF_A}) fb
               WHERE a.status = '${AnalysisStatus.PUBLISHED}')
       SELECT school_year AS "schoolYear", school_id AS "schoolId", cohort_id AS "cohortId",
              GROUPING(school_id) AS g_school, GROUPING(cohort_id) AS g_cohort,
              count(*)::int AS "published",
              count(peer_hours)::int AS "peerCount",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY peer_hours)::float8 AS "peerMedianHours",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY peer_hours)::float8 AS "peerP90Hours",
              count(leader_hours)::int AS "leaderCount",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY leader_hours)::float8 AS "leaderMedianHours",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY leader_hours)::float8 AS "leaderP90Hours"
         FROM t
        GROUP BY GROUPING SETS ((school_year), (school_year, school_id), (school_year, cohort_id))`,
      scopeParams(scope),
    );
    return rows.map(({ g_school, g_cohort, ...row }) => ({
      ...row,
      grouping: g_school === 0 ? 'SCHOOL' : g_cohort === 0 ? 'COHORT' : 'YEAR',
    }));
  }
}

/** Everything the dashboard is computed from, read in one snapshot. */
/** One of the dashboard's statements as it would be sent, for EXPLAIN (the plan test, the scale script). */
export interface FollowUpStatement {
  name: 'cohorts' | 'rounds' | 'participants' | 'turnaround';
  sql: string;
  params: unknown[];
}

/** The dashboard's four statements for `scope`, captured instead of run. */
export async function followUpStatements(scope: FollowUpScope, now: Date): Promise<FollowUpStatement[]> {
  const captured: FollowUpStatement[] = [];
  let name: FollowUpStatement['name'] = 'cohorts';
  const capture = {
    query: async (sql: string, params: unknown[]) => {
      captured.push({ name, sql, params });
      return [];
    },
  } as unknown as EntityManager;
  const facts = new OrganisationFollowUpFacts(capture);
  await facts.cohorts(scope, now);
  name = 'rounds';
  await facts.rounds(scope);
  name = 'participants';
  await facts.participants(scope);
  name = 'turnaround';
  await facts.turnaround(scope);
  return captured;
}

export interface OrganisationFollowUpRead {
  cohorts: FollowUpCohortRow[];
  rounds: FollowUpRoundRow[];
  participants: FollowUpParticipantRow[];
  turnaround: TurnaroundRow[];
  thresholds: SupportThresholds;
  schools: Pick<SchoolEntity, 'id' | 'name'>[];
}

/**
 * The four statements, the organisation's support thresholds and its schools, in one REPEATABLE
 * READ transaction (one snapshot, so the figures agree with each other) with JIT off: at national
 * scale the planner's cost passes PostgreSQL's JIT threshold, and compiling costs more than running
 * these index-only reads (ADR 0033, docs/dashboard.md). Reads only.
 */
export function readOrganisationFollowUp(
  dataSource: DataSource,
  scope: FollowUpScope,
  now: Date,
): Promise<OrganisationFollowUpRead> {
  return dataSource.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET LOCAL jit = off');
    const facts = new OrganisationFollowUpFacts(m);
    return {
      cohorts: await facts.cohorts(scope, now),
      rounds: await facts.rounds(scope),
      participants: await facts.participants(scope),
      turnaround: await facts.turnaround(scope),
      thresholds: await supportThresholdsOf(m, scope.organisationId),
      schools: await m.find(SchoolEntity, {
        select: { id: true, name: true },
        where: { organisationId: scope.organisationId },
      }),
    };
  });
}
