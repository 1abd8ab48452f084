import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cohortCompletions } from '@stl/api/data-access-db';
import type { CohortEntity, CompletionScope } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ForbiddenError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import type { CohortProgressArgs } from './dto/progress.args';
import { AnalysisProgressStatus, ProgressFilter } from './progress.models';
import type { ParticipantProgressModel } from './progress.models';

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
 * Progress and completion (rule 6), computed on every request from the facts and never stored:
 * `cohortCompletions` (libs/api/data-access-db, shared with the school leaders' monthly mail) reads
 * a fixed set of queries for any number of participants, the organisation's support thresholds, and
 * applies the pure `participantCompletion` of the shared domain lib.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
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

  private async compute(cohort: CohortEntity, scope: CompletionScope): Promise<ParticipantProgressModel[]> {
    const completions = await cohortCompletions(this.dataSource.manager, cohort, scope, new Date());
    const rows = completions.map(({ member, schoolName, rounds, result }): ParticipantProgressModel => {
      const byRound = new Map(rounds.map((f) => [f.round.id, f]));
      return {
        person: member.person as NonNullable<typeof member.person>,
        schoolId: member.schoolId,
        schoolName,
        leftAt: member.leftAt,
        rounds: result.rounds.map((r) => {
          const f = byRound.get(r.roundId);
          return {
            ...r,
            title: f?.round.title ?? '',
            submissionDeadline: f?.round.submissionDeadline as Date,
            feedbackDeadline: f?.round.feedbackDeadline as Date,
            analysisStatus: f ? AnalysisProgressStatus[f.stage] : AnalysisProgressStatus.NOT_STARTED,
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
