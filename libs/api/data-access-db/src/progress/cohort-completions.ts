import { In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DEFAULT_SUPPORT_THRESHOLDS, participantCompletion } from '@stl/shared/domain';
import type { CompletionResult, SupportThresholds } from '@stl/shared/domain';
import { AnalysisEntity, AnalysisStatus } from '../analysis/analysis.entity';
import { CohortMembershipEntity, CohortRole } from '../cohort/cohort-membership.entity';
import { OrganisationSupportSettingsEntity } from '../organisation/organisation-support-settings.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { ProgressFacts } from './progress-facts';

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
  /** In round number order, as `result.rounds`. */
  rounds: { round: AnalysisRoundEntity; stage: AnalysisStage }[];
  result: CompletionResult;
}

/**
 * Product rule 6 and course rule 8 for a cohort's participants, computed from the facts and never
 * stored: a fixed set of queries (participants, rounds, analyses, and the aggregates of
 * `ProgressFacts`) for any number of participants, the organisation's support thresholds, and the
 * pure `participantCompletion`. The one reading behind every screen and mail that says who is on
 * track, behind or in need of support, so they cannot disagree.
 */
export async function cohortCompletions(
  m: EntityManager,
  cohort: { id: string; organisationId: string; requiredAttendanceShare: number },
  scope: CompletionScope,
  now: Date,
): Promise<ParticipantCompletionRow[]> {
  const cohortId = cohort.id;
  const facts = new ProgressFacts(m);
  const [members, rounds, analyses, feedback, tasks, meetings, attendance, thresholds] = await Promise.all([
    m.find(CohortMembershipEntity, {
      relations: { person: true },
      where: {
        cohortId,
        role: CohortRole.PARTICIPANT,
        ...(scope.includeWithdrawn ? {} : { leftAt: IsNull() }),
        ...(scope.schoolIds ? { schoolId: In([...scope.schoolIds]) } : {}),
        ...(scope.personId ? { personId: scope.personId } : {}),
      },
    }),
    m.find(AnalysisRoundEntity, { where: { cohortId }, order: { number: 'ASC' } }),
    m.find(AnalysisEntity, {
      select: { id: true, roundId: true, authorId: true, status: true },
      where: { cohortId, ...(scope.personId ? { authorId: scope.personId } : {}) },
    }),
    facts.feedbackCounts(cohortId),
    facts.taskCounts(cohortId),
    facts.meetingCounts(cohortId, now),
    facts.attendanceCounts(cohortId),
    supportThresholdsOf(m, cohort.organisationId),
  ]);
  const key = (a: string, b: string) => `${a}:${b}`;
  const analysisOf = new Map(analyses.map((a) => [key(a.authorId, a.roundId), a]));
  const feedbackOf = new Map(feedback.map((f) => [f.analysisId, f]));
  const tasksOf = new Map(tasks.map((t) => [key(t.personId, t.roundId), t]));
  const attendedBy = new Map(attendance.map((a) => [a.personId, a.attended]));

  return members.map((member) => {
    const personId = member.personId;
    const perRound = rounds.map((round) => {
      const analysis = analysisOf.get(key(personId, round.id));
      const published = analysis?.status === AnalysisStatus.PUBLISHED;
      const fb = analysis && published ? feedbackOf.get(analysis.id) : undefined;
      const t = tasksOf.get(key(personId, round.id));
      const stage: AnalysisStage = !analysis ? 'NOT_STARTED' : published ? 'PUBLISHED' : 'DRAFT';
      return {
        round,
        stage,
        input: {
          roundId: round.id,
          number: round.number,
          published,
          peerFeedbackCount: fb?.peer ?? 0,
          leaderFeedback: fb?.leader === true,
          tasksTotal: t?.total ?? 0,
          tasksDone: t?.done ?? 0,
          submissionDeadline: round.submissionDeadline,
          feedbackDeadline: round.feedbackDeadline,
        },
      };
    });
    const result = participantCompletion({
      rounds: perRound.map((r) => r.input),
      meetings: { attended: attendedBy.get(personId) ?? 0, held: meetings.held, planned: meetings.planned },
      requiredAttendanceShare: cohort.requiredAttendanceShare,
      now,
      supportThresholds: thresholds,
    });
    return { member, rounds: perRound.map(({ round, stage }) => ({ round, stage })), result };
  });
}
