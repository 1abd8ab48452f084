import type { EntityManager } from 'typeorm';
import { DEFAULT_SUPPORT_THRESHOLDS, participantCompletion } from '@stl/shared/domain';
import type { CompletionResult, SupportThresholds } from '@stl/shared/domain';
import { AnalysisStatus } from '../analysis/analysis.entity';
import { CohortMembershipEntity, CohortRole } from '../cohort/cohort-membership.entity';
import { AttendanceStatus } from '../meeting/attendance.entity';
import { OrganisationSupportSettingsEntity } from '../organisation/organisation-support-settings.entity';
import { PersonEntity } from '../person/person.entity';
import { ReviewerKind } from '../review/review-assignment.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { EntityColumns } from '../shared/entity-columns';

/** The organisation's thresholds of the support signal (course rule 8); the defaults without a row. */
export async function supportThresholdsOf(
  m: EntityManager,
  organisationId: string,
): Promise<SupportThresholds> {
  const row = await m.findOne(OrganisationSupportSettingsEntity, { where: { organisationId } });
  return row
    ? {
        behindAfterDays: row.behindAfterDays,
        needsSupportAfterDays: row.needsSupportAfterDays,
        needsSupportRoundsMissed: row.needsSupportRoundsMissed,
      }
    : DEFAULT_SUPPORT_THRESHOLDS;
}

/** Whose completion to read: everyone, some schools' participants, or one person. */
export interface CompletionScope {
  /** null: every school. */
  schoolIds: readonly string[] | null;
  personId?: string;
  includeWithdrawn: boolean;
}

/** The participant's analysis of a round, as far as it has come. */
export type AnalysisStage = 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';

/** One participant's completion and support signal, with what the screens show beside it. */
export interface ParticipantCompletionRow {
  /** With `person` loaded. */
  member: CohortMembershipEntity;
  /** The name of the member's school (`member.schoolId`), null without one. */
  schoolName: string | null;
  /** In round number order, as `result.rounds`. */
  rounds: { round: AnalysisRoundEntity; stage: AnalysisStage }[];
  result: CompletionResult;
}

/** The cohort's side of the facts: its rounds, its meetings counted, the organisation's thresholds. */
interface CohortFactsRow extends Record<string, unknown> {
  planned: number;
  held: number;
  behind_after_days: number | null;
  needs_support_after_days: number | null;
  needs_support_rounds_missed: number | null;
}

/** One member with their person, school name and own facts, as the member statement reads them. */
interface MemberFactsRow extends Record<string, unknown> {
  school_name: string | null;
  /** [roundId, status, peer feedback count, leader feedback given] per analysis of theirs. */
  analyses: [string, AnalysisStatus, number, boolean][] | null;
  /** [roundId, live critical-friend tasks, of which done] per round. */
  tasks: [string, number, number][] | null;
  attended: number | null;
}

/** What one participant's completion is computed from, counted in SQL. */
export interface ParticipantFacts {
  /** With `person` loaded. */
  member: CohortMembershipEntity;
  /** The name of the member's school (`member.schoolId`), null without one. */
  schoolName: string | null;
  /** Their analyses by round id, with the feedback given on each (any status). */
  analyses: Map<string, { status: AnalysisStatus; peerFeedback: number; leaderFeedback: boolean }>;
  /** Their live critical-friend tasks by round id, and how many of them are done. */
  tasks: Map<string, { total: number; done: number }>;
  /** Meetings of the cohort they attended (present). */
  attended: number;
}

/** A cohort's facts for the participants in scope. */
export interface CohortFacts {
  /** In round number order. */
  rounds: AnalysisRoundEntity[];
  /** All of the cohort's meetings, and those started by `now`. */
  meetings: { planned: number; held: number };
  /** The organisation's, or the defaults. */
  thresholds: SupportThresholds;
  participants: ParticipantFacts[];
}

/**
 * The facts of rule 6 for a cohort's participants in two statements for any number of them (issue
 * 13: it was eight): the cohort's rounds with its meeting counts and the organisation's support
 * thresholds; and the participants with their person, school name and their own aggregates
 * (analyses with the feedback on each, critical-friend tasks per round, meetings attended), all
 * counted in SQL for the members in scope only.
 */
export async function cohortFacts(
  m: EntityManager,
  cohort: { id: string; organisationId: string },
  scope: CompletionScope,
  now: Date,
): Promise<CohortFacts> {
  const columns = {
    round: new EntityColumns(m.connection, AnalysisRoundEntity, 'r'),
    member: new EntityColumns(m.connection, CohortMembershipEntity, 'mem'),
    person: new EntityColumns(m.connection, PersonEntity, 'p'),
  };
  const [cohortRows, memberRows] = await Promise.all([
    m.query<CohortFactsRow[]>(cohortFactsSql(columns.round), [cohort.id, cohort.organisationId, now]),
    m.query<MemberFactsRow[]>(...memberFactsSql(columns, cohort.id, scope)),
  ]);
  const first = cohortRows[0];
  return {
    rounds: cohortRows.flatMap((r) => columns.round.from(r) ?? []),
    meetings: { planned: first?.planned ?? 0, held: first?.held ?? 0 },
    thresholds:
      !first || first.behind_after_days === null
        ? DEFAULT_SUPPORT_THRESHOLDS
        : {
            behindAfterDays: first.behind_after_days,
            needsSupportAfterDays: first.needs_support_after_days as number,
            needsSupportRoundsMissed: first.needs_support_rounds_missed as number,
          },
    participants: memberRows.map((row) => {
      const member = columns.member.from(row) as CohortMembershipEntity;
      member.person = columns.person.from(row) as PersonEntity;
      return {
        member,
        schoolName: row.school_name,
        analyses: new Map(
          (row.analyses ?? []).map(([roundId, status, peerFeedback, leaderFeedback]) => [
            roundId,
            { status, peerFeedback, leaderFeedback },
          ]),
        ),
        tasks: new Map((row.tasks ?? []).map(([roundId, total, done]) => [roundId, { total, done }])),
        attended: row.attended ?? 0,
      };
    }),
  };
}

/**
 * Product rule 6 and course rule 8 for a cohort's participants, computed from the facts
 * (`cohortFacts`, two statements) and never stored, by the pure `participantCompletion`. The one
 * reading behind every screen and mail that says who is on track, behind or in need of support,
 * so they cannot disagree.
 */
export async function cohortCompletions(
  m: EntityManager,
  cohort: { id: string; organisationId: string; requiredAttendanceShare: number },
  scope: CompletionScope,
  now: Date,
): Promise<ParticipantCompletionRow[]> {
  const { rounds, meetings, thresholds, participants } = await cohortFacts(m, cohort, scope, now);
  return participants.map(({ member, schoolName, analyses, tasks, attended }) => {
    const perRound = rounds.map((round) => {
      const analysis = analyses.get(round.id);
      const published = analysis?.status === AnalysisStatus.PUBLISHED;
      const t = tasks.get(round.id);
      const stage: AnalysisStage = !analysis ? 'NOT_STARTED' : published ? 'PUBLISHED' : 'DRAFT';
      return {
        round,
        stage,
        input: {
          roundId: round.id,
          number: round.number,
          published,
          peerFeedbackCount: published ? (analysis?.peerFeedback ?? 0) : 0,
          leaderFeedback: published && analysis?.leaderFeedback === true,
          tasksTotal: t?.total ?? 0,
          tasksDone: t?.done ?? 0,
          submissionDeadline: round.submissionDeadline,
          feedbackDeadline: round.feedbackDeadline,
        },
      };
    });
    const result = participantCompletion({
      rounds: perRound.map((r) => r.input),
      meetings: { attended, held: meetings.held, planned: meetings.planned },
      requiredAttendanceShare: cohort.requiredAttendanceShare,
      now,
      supportThresholds: thresholds,
    });
    return { member, schoolName, rounds: perRound.map(({ round, stage }) => ({ round, stage })), result };
  });
}

/** $1 cohort, $2 organisation, $3 now. At least one row (the counts), one per round when there are rounds. */
function cohortFactsSql(round: EntityColumns<AnalysisRoundEntity>): string {
  return `SELECT mc.planned, mc.held, ss.behind_after_days, ss.needs_support_after_days,
                 ss.needs_support_rounds_missed, ${round.select}
            FROM (SELECT count(*)::int AS planned, (count(*) FILTER (WHERE starts_at <= $3))::int AS held
                    FROM meeting WHERE cohort_id = $1) mc
            LEFT JOIN analysis_round r ON r.cohort_id = $1
            LEFT JOIN organisation_support_settings ss ON ss.organisation_id = $2
           ORDER BY r.number`;
}

/** The participants in scope, each with their own aggregates; parameters bound, never spliced. */
function memberFactsSql(
  columns: { member: EntityColumns<CohortMembershipEntity>; person: EntityColumns<PersonEntity> },
  cohortId: string,
  scope: CompletionScope,
): [string, unknown[]] {
  const params: unknown[] = [
    cohortId,
    CohortRole.PARTICIPANT,
    ReviewerKind.PEER,
    ReviewerKind.LEADER,
    AttendanceStatus.PRESENT,
  ];
  const where = ['mem.cohort_id = $1', 'mem.role = $2'];
  if (!scope.includeWithdrawn) where.push('mem.left_at IS NULL');
  if (scope.schoolIds) {
    params.push([...scope.schoolIds]);
    where.push(`mem.school_id = ANY($${params.length}::uuid[])`);
  }
  if (scope.personId) {
    params.push(scope.personId);
    where.push(`mem.person_id = $${params.length}`);
  }
  // The aggregates are read for the members in scope only: one person's progress reads one person's.
  const sql = `
    WITH mem AS (
      SELECT mem.* FROM cohort_membership mem WHERE ${where.join(' AND ')}
    ), an AS (
      SELECT a.author_id, json_agg(json_build_array(a.round_id, a.status, a.peer, a.leader)) AS analyses
        FROM (SELECT a.author_id, a.round_id, a.status,
                     (count(f.id) FILTER (WHERE f.kind = $3))::int AS peer,
                     coalesce(bool_or(f.kind = $4), false) AS leader
                FROM analysis a LEFT JOIN feedback f ON f.analysis_id = a.id
               WHERE a.cohort_id = $1 AND a.author_id IN (SELECT person_id FROM mem)
               GROUP BY a.id) a
       GROUP BY a.author_id
    ), tk AS (
      SELECT t.reviewer_id, json_agg(json_build_array(t.round_id, t.total, t.done)) AS tasks
        FROM (SELECT reviewer_id, round_id, count(*)::int AS total, count(completed_at)::int AS done
                FROM review_assignment
               WHERE cohort_id = $1 AND kind = $3 AND cancelled_at IS NULL
                 AND reviewer_id IN (SELECT person_id FROM mem)
               GROUP BY reviewer_id, round_id) t
       GROUP BY t.reviewer_id
    ), att AS (
      SELECT at.person_id, count(*)::int AS attended
        FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id
       WHERE mt.cohort_id = $1 AND at.status = $5 AND at.person_id IN (SELECT person_id FROM mem)
       GROUP BY at.person_id
    )
    SELECT ${columns.member.select}, ${columns.person.select},
           sc.name AS school_name, an.analyses, tk.tasks, att.attended
      FROM mem
      JOIN person p ON p.id = mem.person_id
      LEFT JOIN school sc ON sc.id = mem.school_id
      LEFT JOIN an ON an.author_id = mem.person_id
      LEFT JOIN tk ON tk.reviewer_id = mem.person_id
      LEFT JOIN att ON att.person_id = mem.person_id`;
  return [sql, params];
}
