import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  CohortMembershipEntity,
  CohortRole,
  SchoolEntity,
} from '@stl/api/data-access-db';
import type { CohortEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ForbiddenError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { participantCompletion } from '@stl/shared/domain';
import type { CohortProgressArgs } from './dto/progress.args';
import { ProgressFacts } from './progress-facts.repository';
import { AnalysisProgressStatus, ProgressFilter } from './progress.models';
import { SupportThresholdsService } from './support-thresholds.service';
import type { ParticipantProgressModel } from './progress.models';

interface Scope {
  /** null: every school. */
  schoolIds: string[] | null;
  personId?: string;
  includeWithdrawn: boolean;
}

const key = (a: string, b: string) => `${a}:${b}`;

const collator = new Intl.Collator('sv');

/** Schools in Swedish order, participants without a school last; then by name. */
function bySchoolAndName(a: ParticipantProgressModel, b: ParticipantProgressModel): number {
  if (a.schoolName !== b.schoolName) {
    if (a.schoolName === null) return 1;
    if (b.schoolName === null) return -1;
    return collator.compare(a.schoolName, b.schoolName);
  }
  return collator.compare(a.person.fullName, b.person.fullName) || (a.person.id < b.person.id ? -1 : 1);
}

/**
 * Progress and completion (rule 6), computed on every request from the facts and never stored.
 * A fixed set of queries (participants, rounds, analyses, and the aggregates of `ProgressFacts`:
 * feedback, tasks, meetings, attendance) serves any number of participants; the rule itself is the pure
 * `participantCompletion` from the shared domain lib.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly thresholds: SupportThresholdsService,
  ) {}

  /** Course leaders and admins: everyone; school leaders: participants from their own schools. */
  async cohortProgress(actor: Actor, args: CohortProgressArgs): Promise<Page<ParticipantProgressModel>> {
    const rows = await this.followUpRows(actor, args);
    return paginate(args, async (skip, take) => [rows.slice(skip, skip + take), rows.length]);
  }

  /**
   * Every row of `cohortProgress` at once, under the same rule (course leaders and admins see
   * everyone, school leaders their own schools, anyone else is refused): the exports use it, so a
   * download shows exactly what the screen shows.
   */
  async followUpRows(
    actor: Actor,
    args: Pick<CohortProgressArgs, 'cohortId' | 'schoolId' | 'status' | 'includeWithdrawn'>,
  ): Promise<ParticipantProgressModel[]> {
    const access = await this.access.cohortAccess(actor, args.cohortId);
    let schoolIds: string[] | null;
    if (access.canManage) {
      schoolIds = args.schoolId ? [args.schoolId] : null;
    } else if (access.schoolLeaderOf.length) {
      if (args.schoolId && !access.schoolLeaderOf.includes(args.schoolId)) {
        throw new ForbiddenError('School leaders follow the participants from their own school only.');
      }
      schoolIds = args.schoolId ? [args.schoolId] : access.schoolLeaderOf;
    } else {
      throw new ForbiddenError("Participants see their own progress (myProgress), not other people's.");
    }
    let rows = await this.compute(access.cohort, { schoolIds, includeWithdrawn: args.includeWithdrawn });
    if (args.status === ProgressFilter.COMPLETED) rows = rows.filter((r) => r.completed);
    if (args.status === ProgressFilter.NOT_COMPLETED) rows = rows.filter((r) => !r.completed);
    if (args.status === ProgressFilter.BEHIND) rows = rows.filter((r) => r.supportLevel !== 'ON_TRACK');
    if (args.status === ProgressFilter.NEEDS_SUPPORT) {
      rows = rows.filter((r) => r.supportLevel === 'NEEDS_SUPPORT');
    }
    return rows;
  }

  async myProgress(actor: Actor, cohortId: string): Promise<ParticipantProgressModel> {
    const access = await this.access.cohortAccess(actor, cohortId);
    if (!access.participant) throw new ForbiddenError('Only participants have progress in a cohort.');
    const [row] = await this.compute(access.cohort, {
      schoolIds: null,
      personId: actor.personId,
      includeWithdrawn: false,
    });
    if (!row) throw new ForbiddenError('Only participants have progress in a cohort.');
    return row;
  }

  private async compute(cohort: CohortEntity, scope: Scope): Promise<ParticipantProgressModel[]> {
    const m = this.dataSource.manager;
    const now = new Date();
    const cohortId = cohort.id;
    const facts = new ProgressFacts(m);
    const [members, schools, rounds, analyses, feedback, tasks, meetings, attendance, thresholds] =
      await Promise.all([
        m.find(CohortMembershipEntity, {
          relations: { person: true },
          where: {
            cohortId,
            role: CohortRole.PARTICIPANT,
            ...(scope.includeWithdrawn ? {} : { leftAt: IsNull() }),
            ...(scope.schoolIds ? { schoolId: In(scope.schoolIds) } : {}),
            ...(scope.personId ? { personId: scope.personId } : {}),
          },
        }),
        m.find(SchoolEntity, {
          select: { id: true, name: true },
          where: { organisationId: cohort.organisationId },
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
        this.thresholds.thresholdsOf(cohort.organisationId),
      ]);

    const schoolName = new Map(schools.map((s) => [s.id, s.name]));
    const analysisOf = new Map(analyses.map((a) => [key(a.authorId, a.roundId), a]));
    const feedbackOf = new Map(feedback.map((f) => [f.analysisId, f]));
    const tasksOf = new Map(tasks.map((t) => [key(t.personId, t.roundId), t]));
    const attendedBy = new Map(attendance.map((a) => [a.personId, a.attended]));

    const rows = members.map((member): ParticipantProgressModel => {
      const personId = member.personId;
      const facts = rounds.map((round) => {
        const analysis = analysisOf.get(key(personId, round.id));
        const published = analysis?.status === AnalysisStatus.PUBLISHED;
        const fb = analysis && published ? feedbackOf.get(analysis.id) : undefined;
        const t = tasksOf.get(key(personId, round.id));
        return {
          round,
          status: !analysis
            ? AnalysisProgressStatus.NOT_STARTED
            : published
              ? AnalysisProgressStatus.PUBLISHED
              : AnalysisProgressStatus.DRAFT,
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
        rounds: facts.map((f) => f.input),
        meetings: {
          attended: attendedBy.get(personId) ?? 0,
          held: meetings.held,
          planned: meetings.planned,
        },
        requiredAttendanceShare: cohort.requiredAttendanceShare,
        now,
        supportThresholds: thresholds,
      });
      const byRound = new Map(facts.map((f) => [f.round.id, f]));
      return {
        person: member.person as NonNullable<typeof member.person>,
        schoolId: member.schoolId,
        schoolName: member.schoolId ? (schoolName.get(member.schoolId) ?? null) : null,
        leftAt: member.leftAt,
        rounds: result.rounds.map((r) => {
          const f = byRound.get(r.roundId);
          return {
            ...r,
            title: f?.round.title ?? '',
            submissionDeadline: f?.round.submissionDeadline as Date,
            feedbackDeadline: f?.round.feedbackDeadline as Date,
            analysisStatus: f?.status ?? AnalysisProgressStatus.NOT_STARTED,
          };
        }),
        publishedCount: result.publishedCount,
        completeCount: result.completeCount,
        minPublished: result.minPublished,
        tasksTotal: result.tasksTotal,
        tasksDone: result.tasksDone,
        meetingsAttended: result.meetingsAttended,
        meetingsHeld: result.meetingsHeld,
        meetingsPlanned: result.meetingsPlanned,
        meetingsRequired: result.meetingsRequired,
        attendanceShare: result.attendanceShare,
        requiredAttendanceShare: cohort.requiredAttendanceShare,
        attendanceMet: result.attendanceMet,
        attendanceOnTrack: result.attendanceOnTrack,
        completed: result.completed,
        // Someone who has left the cohort is no one's to support here any more.
        supportLevel: member.leftAt ? 'ON_TRACK' : result.supportLevel,
        needsSupport: !member.leftAt && result.needsSupport,
        supportReasons: member.leftAt
          ? []
          : result.supportReasons.map((r) => ({ ...r, roundNumbers: [...r.roundNumbers] })),
        missing: result.missing.map((x) => ({ ...x })),
      };
    });
    return rows.sort(bySchoolAndName);
  }
}
