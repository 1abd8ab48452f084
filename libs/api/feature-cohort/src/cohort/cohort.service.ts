import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisRoundEntity,
  CertificationEntity,
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  CohortStatus,
  MeetingEntity,
  Role,
} from '@stl/api/data-access-db';
import { AccessPolicy, hasRole, schoolsLedBy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import {
  DEFAULT_FEEDBACK_MIN_LENGTH,
  DEFAULT_PEERS_PER_ANALYSIS,
  DEFAULT_REQUIRED_ATTENDANCE_SHARE,
  canTransitionCohort,
  cohortOpeningProblems,
  meetingScheduleProblems,
  roundScheduleProblems,
  toIsoDate,
} from '@stl/shared/domain';
import type { DatePeriod } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind, cohortChangeRefusal } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { definedOnly } from '../common/problems';
import { MembershipService } from '../membership/membership.service';
import type { CohortsArgs } from './cohort.args';
import type { CohortOpeningProblemModel } from './cohort.models';
import { cohortPeriodProblems } from './cohort-rules';
import type { CreateCohortInput } from './dto/create-cohort.input';
import type { UpdateCohortInput } from './dto/update-cohort.input';

const periodOf = (c: { startsOn: string; endsOn: string }): DatePeriod => ({
  startsOn: c.startsOn,
  endsOn: c.endsOn,
});

const OPENING_FIELD = {
  TOO_FEW_MEETINGS: 'meetings',
  TOO_FEW_ROUNDS: 'rounds',
  NO_CERTIFIED_LEADER: 'leaders',
};

/** Past tense of the verbs the status mutations use, for error messages. */
const VERB: Record<CohortStatus, string> = {
  PLANNING: 'planned',
  OPEN: 'opened',
  COMPLETED: 'completed',
  ARCHIVED: 'archived',
};

/** Cohorts: who sees which, creating and planning them, and their life cycle. */
@Injectable()
export class CohortService {
  constructor(
    private readonly gate: CohortGate,
    private readonly commands: CohortCommands,
    private readonly policy: AccessPolicy,
    private readonly memberships: MembershipService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
  ) {}

  /**
   * The cohorts the actor may see, newest first. The conditions mirror AccessPolicy.cohortAccess:
   * administrators see all of their organisation's; leaders and participants their own; school
   * leaders those with participants enrolled from their school.
   */
  list(actor: Actor, args: CohortsArgs): Promise<Page<CohortEntity>> {
    const organisationId = args.organisationId ?? actor.organisationId;
    this.policy.assertMemberOf(actor, organisationId);
    return paginate(args, (skip, take) => {
      const qb = this.cohorts
        .createQueryBuilder('c')
        .where('c.organisationId = :organisationId', { organisationId });
      if (args.status) qb.andWhere('c.status = :status', { status: args.status });
      if (!this.policy.isAdminOf(actor, organisationId)) {
        const led = schoolsLedBy(actor);
        const mine =
          'EXISTS (SELECT 1 FROM cohort_membership m WHERE m.cohort_id = c.id AND m.person_id = :me AND m.left_at IS NULL)';
        const ofMySchools =
          "EXISTS (SELECT 1 FROM cohort_membership s WHERE s.cohort_id = c.id AND s.role = 'PARTICIPANT' AND s.school_id IN (:...led))";
        qb.andWhere(led.length ? `(${mine} OR ${ofMySchools})` : mine, { me: actor.personId, led });
      }
      return qb
        .orderBy('c.startsOn', 'DESC')
        .addOrderBy('c.name', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .offset(skip)
        .limit(take)
        .getManyAndCount();
    });
  }

  async get(actor: Actor, id: string): Promise<CohortEntity> {
    return (await this.gate.read(actor, id)).cohort;
  }

  /**
   * Administrators create cohorts and may name certified leaders. A certified course leader may
   * create one too and leads it (naming others is the administrator's call).
   */
  async create(actor: Actor, input: CreateCohortInput): Promise<CohortEntity> {
    this.policy.assertMemberOf(actor, input.organisationId);
    const admin = this.policy.isAdminOf(actor, input.organisationId);
    const courseLeader = hasRole(actor, Role.COURSE_LEADER, input.organisationId);
    if (!admin && !courseLeader)
      throw new ForbiddenError('Only an administrator or a certified course leader may create a cohort.');
    const named = input.leaderIds ?? [];
    if (!admin && named.some((id) => id !== actor.personId))
      throw new ForbiddenError('Only an administrator may name other course leaders.');
    const leaderIds = admin ? named : [actor.personId];
    this.assertPeriod(input);

    return this.commands.create(async (m) => {
      await this.memberships.assertCanLead(m, input.organisationId, leaderIds, periodOf(input), (i) =>
        admin ? `leaderIds.${i}` : 'leaderIds',
      );
      const cohort = await m.save(
        m.create(CohortEntity, {
          organisationId: input.organisationId,
          name: input.name,
          schoolYear: input.schoolYear,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          status: CohortStatus.PLANNING,
          requiredAttendanceShare: input.requiredAttendanceShare ?? DEFAULT_REQUIRED_ATTENDANCE_SHARE,
          peersPerAnalysis: input.peersPerAnalysis ?? DEFAULT_PEERS_PER_ANALYSIS,
          feedbackMinLength: input.feedbackMinLength ?? DEFAULT_FEEDBACK_MIN_LENGTH,
          sameSchoolSupport: input.sameSchoolSupport ?? false,
          openedAt: null,
          completedAt: null,
        }),
      );
      if (leaderIds.length) {
        await m.insert(
          CohortMembershipEntity,
          leaderIds.map((personId) => ({
            cohortId: cohort.id,
            personId,
            role: CohortRole.LEADER,
            schoolId: null,
          })),
        );
      }
      return cohort;
    });
  }

  /**
   * Settings at any time while the cohort runs; school year and dates only while planning, and
   * never so that a meeting or round already planned falls outside them.
   */
  async update(actor: Actor, id: string, input: UpdateCohortInput): Promise<CohortEntity> {
    return this.commands.run(actor, id, CohortChangeKind.Settings, { actor: 'manage' }, async (m, cohort) => {
      const next = { ...cohort, ...definedOnly(input) };
      const datesChange =
        next.schoolYear !== cohort.schoolYear ||
        next.startsOn !== cohort.startsOn ||
        next.endsOn !== cohort.endsOn;
      if (datesChange) {
        const refusal = cohortChangeRefusal(cohort.status, CohortChangeKind.Dates);
        if (refusal) throw new DomainError(refusal.code, refusal.message);
        this.assertPeriod(next);
        await this.assertPlanFits(m, cohort.id, periodOf(next));
      }
      Object.assign(cohort, definedOnly(input));
      return m.save(CohortEntity, cohort);
    });
  }

  /** Rule 1 and the life cycle: PLANNING → OPEN only when every readiness problem is solved. */
  async open(actor: Actor, id: string): Promise<CohortEntity> {
    return this.transition(actor, id, CohortStatus.OPEN, async (m, cohort) => {
      const problems = await this.openingProblems(m, cohort);
      if (problems.length)
        throw new DomainError(
          'COHORT_NOT_READY',
          `The cohort cannot open yet: ${problems.map((p) => p.message).join(' ')}`,
          problems.map(({ field, code, message }) => ({ field, code, message })),
        );
      cohort.openedAt = new Date();
    });
  }

  complete(actor: Actor, id: string): Promise<CohortEntity> {
    return this.transition(actor, id, CohortStatus.COMPLETED, async (_m, cohort) => {
      cohort.completedAt = new Date();
    });
  }

  /** From PLANNING (cancelled before it started) or COMPLETED; the cohort becomes read-only. */
  archive(actor: Actor, id: string): Promise<CohortEntity> {
    return this.transition(actor, id, CohortStatus.ARCHIVED, async () => undefined);
  }

  /** The readiness check for managers; the same one openCohort runs. */
  async openingProblemsFor(actor: Actor, cohort: CohortEntity): Promise<CohortOpeningProblemModel[]> {
    const access = await this.gate.read(actor, cohort.id);
    if (!access.canManage)
      throw new ForbiddenError(
        "Only the cohort's course leaders or an administrator may see its readiness check.",
      );
    return this.openingProblems(this.dataSource.manager, cohort);
  }

  private async openingProblems(
    m: EntityManager,
    cohort: CohortEntity,
  ): Promise<CohortOpeningProblemModel[]> {
    const meetings = await m.count(MeetingEntity, { where: { cohortId: cohort.id } });
    const rounds = await m.count(AnalysisRoundEntity, { where: { cohortId: cohort.id } });
    const leaders = await m.find(CohortMembershipEntity, {
      where: { cohortId: cohort.id, role: CohortRole.LEADER, leftAt: IsNull() },
    });
    const ids = leaders.map((l) => l.personId);
    const certifications = ids.length
      ? await m.find(CertificationEntity, { where: { personId: In(ids) } })
      : [];
    return cohortOpeningProblems({
      meetings,
      rounds,
      leaders: ids.map((id) => ({ certifications: certifications.filter((c) => c.personId === id) })),
      period: periodOf(cohort),
    }).map((p) => ({
      code: p.code,
      field: OPENING_FIELD[p.code],
      message: p.message,
      required: 'required' in p ? p.required : null,
      actual: 'actual' in p ? p.actual : null,
    }));
  }

  private async transition(
    actor: Actor,
    id: string,
    to: CohortStatus,
    before: (m: EntityManager, cohort: CohortEntity) => Promise<void>,
  ): Promise<CohortEntity> {
    return this.commands.run(
      actor,
      id,
      CohortChangeKind.Lifecycle,
      { actor: 'manage' },
      async (m, cohort) => {
        if (!canTransitionCohort(cohort.status, to))
          throw new DomainError(
            'INVALID_STATE_TRANSITION',
            `A cohort that is ${cohort.status.toLowerCase()} cannot be ${VERB[to]}.`,
          );
        await before(m, cohort);
        cohort.status = to;
        return m.save(CohortEntity, cohort);
      },
    );
  }

  private assertPeriod(input: { schoolYear: string; startsOn: string; endsOn: string }): void {
    const problems = cohortPeriodProblems(input);
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
  }

  /** New dates must still hold every planned meeting and round (SCHEDULE_INVALID naming them). */
  private async assertPlanFits(m: EntityManager, cohortId: string, period: DatePeriod): Promise<void> {
    const [meetings, rounds] = [
      await m.find(MeetingEntity, { where: { cohortId }, order: { number: 'ASC' } }),
      await m.find(AnalysisRoundEntity, { where: { cohortId }, order: { number: 'ASC' } }),
    ];
    const field = (first: Date) => (toIsoDate(first) < period.startsOn ? 'startsOn' : 'endsOn');
    const problems: FieldProblem[] = [
      ...meetings
        .filter((mt) => meetingScheduleProblems(mt, period).length)
        .map((mt): FieldProblem => ({
          field: field(mt.startsAt),
          code: 'MEETING_OUTSIDE_PERIOD',
          message: `Meeting ${mt.number} would fall outside the cohort's new dates; move it first.`,
        })),
      ...rounds
        .filter((r) => roundScheduleProblems(r, period).length)
        .map((r): FieldProblem => ({
          field: field(r.opensAt),
          code: 'ROUND_OUTSIDE_PERIOD',
          message: `Analysis round ${r.number} would fall outside the cohort's new dates; move it first.`,
        })),
    ];
    if (problems.length)
      throw new DomainError('SCHEDULE_INVALID', problems.map((p) => p.message).join(' '), problems);
  }
}
