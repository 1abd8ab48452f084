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
  CohortReminderSettingsEntity,
  CohortStatus,
  COHORT_NAME_INDEX,
  MeetingEntity,
  Role,
  isUniqueViolation,
} from '@stl/api/data-access-db';
import { AccessPolicy, hasRole, schoolsLedBy } from '@stl/api/feature-auth';
import type { Actor, ViewerFactsRow } from '@stl/api/feature-auth';
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
  addDays,
  deriveRounds,
  roundScheduleProblems,
  schoolYearOf,
  shiftStockholmDays,
  toIsoDate,
  weekAlignedOffsetDays,
} from '@stl/shared/domain';
import type { DatePeriod } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { NotificationEvents } from '@stl/api/feature-notification';
import { CohortChangeKind, cohortChangeRefusal } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { definedOnly } from '../common/problems';
import { MeetingService } from '../meeting/meeting.service';
import { MembershipService } from '../membership/membership.service';
import { RoundService } from '../round/round.service';
import type { CohortsArgs } from './cohort.args';
import type { CohortOpeningProblemModel } from './cohort.models';
import { cohortPeriodProblems } from './cohort-rules';
import type { CopyCohortInput } from './dto/copy-cohort.input';
import type { CreateCohortInput } from './dto/create-cohort.input';
import type { UpdateCohortInput } from './dto/update-cohort.input';

/** The database constraint a violation names (pg's `constraint`, also under TypeORM's driverError). */
const constraintOf = (error: unknown): string | undefined => {
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return e.constraint ?? e.driverError?.constraint;
};

const periodOf = (c: { startsOn: string; endsOn: string }): DatePeriod => ({
  startsOn: c.startsOn,
  endsOn: c.endsOn,
});

const OPENING_FIELD = {
  TOO_FEW_MEETINGS: 'meetings',
  TOO_FEW_ROUNDS: 'rounds',
  NO_CERTIFIED_LEADER: 'leaders',
};

/** The raw columns the list's statement adds beside the cohort's own. */
const TOTAL = 'page_total';
const MEETINGS = 'page_meetings';
const ROUNDS = 'page_rounds';

type PageRow = ViewerFactsRow & {
  c_id: string;
  [TOTAL]: string;
  [MEETINGS]?: unknown[][] | null;
  [ROUNDS]?: unknown[][] | null;
};

/** What the cohort list reads ahead for the request's field resolvers, when the query asks for it. */
export interface ReadAhead {
  /** The request the field resolvers' loaders live on. */
  req: object;
  meetings: boolean;
  rounds: boolean;
}

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
    private readonly meetings: MeetingService,
    private readonly rounds: RoundService,
    private readonly notifications: NotificationEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
  ) {}

  /**
   * The cohorts the actor may see, newest first. The conditions mirror AccessPolicy.cohortAccess:
   * administrators see all of their organisation's; leaders and participants their own; school
   * leaders those with participants enrolled from their school.
   *
   * One statement for the page (issue 13): the page's rows, the count of all (a window over the
   * same rows), the actor's relation to each cohort (AccessPolicy's facts, handed over so that
   * viewerRole and viewerCanManage ask nothing more) and, when the query asks for them, each
   * cohort's meetings and rounds as json (handed to their loaders likewise).
   */
  list(actor: Actor, args: CohortsArgs, ahead?: ReadAhead): Promise<Page<CohortEntity>> {
    const organisationId = args.organisationId ?? actor.organisationId;
    this.policy.assertMemberOf(actor, organisationId);
    const visible = () => {
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
      return qb;
    };
    return paginate(args, async (skip, take) => {
      const qb = this.policy.selectViewerFacts(visible(), actor, 'c').addSelect('COUNT(*) OVER ()', TOTAL);
      if (ahead?.meetings) qb.addSelect(this.meetings.cohortJson('c'), MEETINGS);
      if (ahead?.rounds) qb.addSelect(this.rounds.cohortJson('c'), ROUNDS);
      const { entities, raw } = await qb
        .orderBy('c.startsOn', 'DESC')
        .addOrderBy('c.name', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .offset(skip)
        .limit(take)
        .getRawAndEntities<PageRow>();
      const rawOf = new Map(raw.map((r) => [r.c_id, r]));
      const rows = entities.map((cohort) => ({ cohort, raw: rawOf.get(cohort.id) as PageRow }));
      this.policy.primeCohortAccess(actor, rows);
      if (ahead)
        for (const { cohort, raw: r } of rows) {
          if (ahead.meetings) this.meetings.primeForCohort(ahead.req, cohort.id, r[MEETINGS] ?? null);
          if (ahead.rounds) this.rounds.primeForCohort(ahead.req, cohort.id, r[ROUNDS] ?? null);
        }
      // The window counts only beside a row; a page past the end counts apart.
      const total = raw.length ? Number(raw[0][TOTAL]) : skip === 0 ? 0 : await visible().getCount();
      return [entities, total];
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
      await this.assertNameFree(m, input);
      await this.memberships.assertCanLead(m, input.organisationId, leaderIds, periodOf(input), (i) =>
        admin ? `leaderIds.${i}` : 'leaderIds',
      );
      const cohort = await this.saveCohort(
        m,
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
          requiredFeedbackQualities: [],
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
      if (next.name !== cohort.name || next.schoolYear !== cohort.schoolYear)
        await this.assertNameFree(m, { ...next, id: cohort.id });
      Object.assign(cohort, definedOnly(input));
      return this.saveCohort(m, cohort);
    });
  }

  /**
   * Deletes a cohort still being planned, with everything in it (leaders, participants, meetings,
   * attendance, rounds, reminder settings: their rows cascade in the same transaction). Any other
   * status is refused with CONFLICT: what has run is archived, never deleted.
   */
  async delete(actor: Actor, id: string): Promise<string> {
    return this.commands.run(
      actor,
      id,
      CohortChangeKind.Lifecycle,
      { actor: 'manage' },
      async (m, cohort) => {
        if (cohort.status !== CohortStatus.PLANNING)
          throw new DomainError(
            'CONFLICT',
            `Only a cohort still being planned can be deleted; this one is ${cohort.status.toLowerCase()}. Archive it instead.`,
            [],
            { cohortStatus: cohort.status },
          );
        await m.delete(CohortEntity, { id: cohort.id });
        return cohort.id;
      },
    );
  }

  /**
   * A new PLANNING cohort from an earlier one: its settings and reminder settings, its leaders (an
   * administrator's copy keeps them all; a course leader's copy is led by them, as when creating),
   * its meetings moved by the difference between the start dates rounded to whole weeks (same
   * weekday, same clock time; a year later is 52 weeks), and its rounds derived again from those
   * meetings (`deriveRounds`, the set-up screens' rule) with last year's titles and templates.
   * Participants, attendance and everything written are not copied. One transaction.
   */
  async copy(actor: Actor, input: CopyCohortInput): Promise<CohortEntity> {
    const source = await this.gate.read(actor, input.sourceId);
    if (!source.canManage)
      throw new ForbiddenError("Only the cohort's course leaders or an administrator may copy it.");
    const from = source.cohort;
    const admin = this.policy.isAdminOf(actor, from.organisationId);
    if (!admin && !hasRole(actor, Role.COURSE_LEADER, from.organisationId))
      throw new ForbiddenError('Only an administrator or a certified course leader may create a cohort.');

    const offset = weekAlignedOffsetDays(from.startsOn, input.startsOn);
    const startsOn = input.startsOn;
    const endsOn = addDays(from.endsOn, offset);
    const schoolYear = schoolYearOf(new Date(`${startsOn}T12:00:00Z`)).label;
    const period = { schoolYear, startsOn, endsOn };
    const periodProblems = cohortPeriodProblems(period).map((p) => ({
      ...p,
      field: p.field === 'schoolYear' ? 'startsOn' : p.field,
    }));
    if (periodProblems.length)
      throw new BadInputError(periodProblems.map((p) => p.message).join(' '), periodProblems);

    return this.commands.create(async (m) => {
      await this.assertNameFree(m, { organisationId: from.organisationId, name: input.name, schoolYear });
      const leaders = await m.find(CohortMembershipEntity, {
        where: { cohortId: from.id, role: CohortRole.LEADER, leftAt: IsNull() },
        order: { joinedAt: 'ASC' },
      });
      const leaderIds = admin ? leaders.map((l) => l.personId) : [actor.personId];
      await this.memberships.assertCanLead(m, from.organisationId, leaderIds, period, () => 'sourceId');

      const cohort = await this.saveCohort(
        m,
        m.create(CohortEntity, {
          organisationId: from.organisationId,
          name: input.name,
          schoolYear,
          startsOn,
          endsOn,
          status: CohortStatus.PLANNING,
          requiredAttendanceShare: from.requiredAttendanceShare,
          peersPerAnalysis: from.peersPerAnalysis,
          feedbackMinLength: from.feedbackMinLength,
          requiredFeedbackQualities: from.requiredFeedbackQualities,
          sameSchoolSupport: from.sameSchoolSupport,
          openedAt: null,
          completedAt: null,
        }),
      );
      if (leaderIds.length)
        await m.insert(
          CohortMembershipEntity,
          leaderIds.map((personId) => ({
            cohortId: cohort.id,
            personId,
            role: CohortRole.LEADER,
            schoolId: null,
          })),
        );

      const reminders = await m.findOne(CohortReminderSettingsEntity, { where: { cohortId: from.id } });
      if (reminders) {
        const { cohortId: _from, updatedAt: _at, ...settings } = reminders;
        await m.insert(CohortReminderSettingsEntity, { ...settings, cohortId: cohort.id });
      }

      const shift = (at: Date) => shiftStockholmDays(at, offset);
      const meetings = await m.find(MeetingEntity, {
        where: { cohortId: from.id },
        order: { number: 'ASC' },
      });
      const meetingIdOf = new Map<string, string>();
      for (const mt of meetings) {
        const copy = await m.save(
          m.create(MeetingEntity, {
            cohortId: cohort.id,
            number: mt.number,
            title: mt.title,
            theme: mt.theme,
            startsAt: shift(mt.startsAt),
            endsAt: shift(mt.endsAt),
            mode: mt.mode,
            location: mt.location,
            videoUrl: mt.videoUrl,
            preparation: mt.preparation,
            discussionQuestions: mt.discussionQuestions,
          }),
        );
        meetingIdOf.set(mt.id, copy.id);
      }
      // Rounds are derived again from the copy's meetings by the planning rule of the set-up screens;
      // titles and templates follow last year's rounds by number. A round the meetings cannot carry
      // (fewer than n + 2 meetings) is moved like the meetings instead.
      const rounds = await m.find(AnalysisRoundEntity, {
        where: { cohortId: from.id },
        order: { number: 'ASC' },
      });
      const newMeetings = [...meetingIdOf.entries()].map(([oldId, id]) => {
        const mt = meetings.find((x) => x.id === oldId) as MeetingEntity;
        return {
          id,
          number: mt.number,
          startsAt: shift(mt.startsAt).toISOString(),
          endsAt: shift(mt.endsAt).toISOString(),
        };
      });
      const derived = deriveRounds(newMeetings, rounds.length);
      for (const [i, r] of rounds.entries()) {
        const d = derived[i];
        await m.save(
          m.create(AnalysisRoundEntity, {
            cohortId: cohort.id,
            number: r.number,
            title: r.title,
            templateVersionId: r.templateVersionId,
            meetingId: d ? d.meetingId : r.meetingId ? (meetingIdOf.get(r.meetingId) ?? null) : null,
            opensAt: d ? new Date(d.opensAt) : shift(r.opensAt),
            submissionDeadline: d ? new Date(d.submissionDeadline) : shift(r.submissionDeadline),
            feedbackDeadline: d ? new Date(d.feedbackDeadline) : shift(r.feedbackDeadline),
          }),
        );
      }
      await this.assertPlanFits(m, cohort.id, periodOf(cohort));
      return cohort;
    });
  }

  /**
   * Rule 1 and the life cycle: PLANNING → OPEN only when every readiness problem is solved. Each
   * participant's welcome mail is queued in the same transaction: it exists exactly when the
   * cohort opened.
   */
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
      await this.notifications.cohortWelcome(m, cohort.id);
    });
  }

  complete(actor: Actor, id: string): Promise<CohortEntity> {
    return this.transition(actor, id, CohortStatus.COMPLETED, async (_m, cohort) => {
      cohort.completedAt = new Date();
    });
  }

  /** From PLANNING (cancelled before it started) or COMPLETED; the cohort becomes read-only. */
  archive(actor: Actor, id: string): Promise<CohortEntity> {
    return this.transition(actor, id, CohortStatus.ARCHIVED, async (_m, cohort) => {
      // The retention schedule counts from this day (ADR 0030).
      cohort.archivedAt = new Date();
    });
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

  /**
   * One name per organisation and school year, ignoring case and surrounding spaces ("STL Lärkby"
   * and " stl lärkby" are the same to a reader). Checked here for a clear answer, and held by the
   * unique index UQ_cohort_organisation_year_name: of two creations at once, the second waits for
   * the first and fails on the index, which `saveCohort` answers the same way.
   */
  private async assertNameFree(
    m: EntityManager,
    c: { id?: string; organisationId: string; name: string; schoolYear: string },
  ): Promise<void> {
    const qb = m
      .createQueryBuilder(CohortEntity, 'c')
      .where('c.organisationId = :org', { org: c.organisationId })
      .andWhere('c.schoolYear = :year', { year: c.schoolYear })
      .andWhere('lower(btrim(c.name)) = lower(btrim(:name))', { name: c.name });
    if (c.id) qb.andWhere('c.id <> :id', { id: c.id });
    if (await qb.getExists()) throw this.nameTaken(c);
  }

  /** Saves a cohort row, answering a clash on the name index with COHORT_NAME_TAKEN. */
  private async saveCohort(m: EntityManager, cohort: CohortEntity): Promise<CohortEntity> {
    try {
      return await m.save(CohortEntity, cohort);
    } catch (error) {
      if (isUniqueViolation(error) && constraintOf(error) === COHORT_NAME_INDEX) throw this.nameTaken(cohort);
      throw error;
    }
  }

  private nameTaken(c: { name: string; schoolYear: string }): DomainError {
    return new DomainError(
      'CONFLICT',
      `There is already a cohort named "${c.name.trim()}" in the school year ${c.schoolYear}.`,
      [
        {
          field: 'name',
          code: 'COHORT_NAME_TAKEN',
          message: 'Another cohort already has this name in the same school year.',
        },
      ],
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
