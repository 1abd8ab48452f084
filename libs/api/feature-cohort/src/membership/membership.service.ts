import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  CertificationEntity,
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  CohortStatus,
  PersonEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import { schoolsLedBy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError, FieldProblemCode, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy, paginate, requestLoader } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { certificationsCover } from '@stl/shared/domain';
import type { DatePeriod } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { NotificationEvents } from '@stl/api/feature-notification';
import { CohortChangeKind } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { leaderProblems } from './leader-rules';
import type {
  CohortPersonArgs,
  EnrolParticipantsArgs,
  ParticipantsArgs,
  SetSameSchoolArgs,
} from './membership.args';

const periodOf = (c: CohortEntity): DatePeriod => ({ startsOn: c.startsOn, endsOn: c.endsOn });

/** Who leads and who takes part in a cohort. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly gate: CohortGate,
    private readonly commands: CohortCommands,
    private readonly notifications: NotificationEvents,
    @InjectRepository(CohortMembershipEntity)
    private readonly memberships: Repository<CohortMembershipEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  /**
   * Checks that every person may lead a cohort over `period`: a person of the organisation (else
   * NOT_FOUND), active, with the COURSE_LEADER role and a covering certification (else
   * CERTIFICATION_INVALID listing every problem).
   */
  async assertCanLead(
    m: EntityManager,
    organisationId: string,
    personIds: readonly string[],
    period: DatePeriod,
    field: (index: number) => string,
  ): Promise<void> {
    if (!personIds.length) return;
    const ids = [...personIds];
    const people = await this.peopleOf(m, organisationId, ids, 'person', field);
    const [grants, certifications] = await Promise.all([
      m.find(RoleGrantEntity, {
        where: { personId: In(ids), role: Role.COURSE_LEADER, organisationId },
      }),
      m.find(CertificationEntity, { where: { personId: In(ids) } }),
    ]);
    const inactive = ids.flatMap((id, i) =>
      people.get(id)?.active === false
        ? [
            {
              field: field(i),
              code: 'PERSON_INACTIVE' as const,
              message: `${people.get(id)?.fullName} has no active account.`,
            },
          ]
        : [],
    );
    if (inactive.length) throw new BadInputError(inactive.map((p) => p.message).join(' '), inactive);
    const problems = ids.flatMap((id, i) =>
      leaderProblems(
        {
          fullName: people.get(id)?.fullName ?? id,
          isCourseLeader: grants.some((g) => g.personId === id),
          certifications: certifications.filter((c) => c.personId === id),
        },
        period,
        field(i),
      ),
    );
    if (problems.length)
      throw new DomainError('CERTIFICATION_INVALID', problems.map((p) => p.message).join(' '), problems);
  }

  async addLeader(actor: Actor, args: CohortPersonArgs): Promise<CohortEntity> {
    return this.commands.run(
      actor,
      args.cohortId,
      CohortChangeKind.Leaders,
      {
        actor: 'administer',
        forbidden: 'Only an administrator of the organisation may change who leads a cohort.',
      },
      async (m, cohort) => {
        await this.assertCanLead(
          m,
          cohort.organisationId,
          [args.personId],
          periodOf(cohort),
          () => 'personId',
        );
        const rows = await m.find(CohortMembershipEntity, {
          where: { cohortId: cohort.id, personId: args.personId },
        });
        if (rows.some((r) => r.role === CohortRole.PARTICIPANT && r.leftAt === null))
          throw this.roleClash('personId', 'is a participant of this cohort and cannot also lead it');
        const existing = rows.find((r) => r.role === CohortRole.LEADER);
        if (existing) {
          if (existing.leftAt !== null)
            await m.update(CohortMembershipEntity, this.key(existing), { leftAt: null });
        } else {
          await m.insert(CohortMembershipEntity, {
            cohortId: cohort.id,
            personId: args.personId,
            role: CohortRole.LEADER,
            schoolId: null,
          });
        }
        return cohort;
      },
    );
  }

  /**
   * Ends a leader's membership (kept as history). An open cohort must keep a leader certified for
   * its dates (rule 1), so the last one cannot leave.
   */
  async removeLeader(actor: Actor, args: CohortPersonArgs): Promise<CohortEntity> {
    return this.commands.run(
      actor,
      args.cohortId,
      CohortChangeKind.Leaders,
      {
        actor: 'administer',
        forbidden: 'Only an administrator of the organisation may change who leads a cohort.',
      },
      async (m, cohort) => {
        await this.peopleOf(m, cohort.organisationId, [args.personId], 'person', () => 'personId');
        const leaders = await m.find(CohortMembershipEntity, {
          where: { cohortId: cohort.id, role: CohortRole.LEADER, leftAt: IsNull() },
        });
        const leaving = leaders.find((l) => l.personId === args.personId);
        if (!leaving) return cohort;
        if (cohort.status === CohortStatus.OPEN) {
          const remaining = leaders.filter((l) => l.personId !== args.personId).map((l) => l.personId);
          const certs = remaining.length
            ? await m.find(CertificationEntity, { where: { personId: In(remaining) } })
            : [];
          const stillLed = remaining.some((id) =>
            certificationsCover(
              certs.filter((c) => c.personId === id),
              periodOf(cohort),
            ),
          );
          if (!stillLed)
            throw new DomainError(
              'CONFLICT',
              'An open cohort must keep at least one course leader certified for its dates; add another leader first.',
            );
        }
        await m.update(CohortMembershipEntity, this.key(leaving), { leftAt: new Date() });
        return cohort;
      },
    );
  }

  /**
   * Enrols teachers of the organisation (a whole CSV class list, up to MAX_ENROL_AT_ONCE), copying
   * their current school, in one transaction. Every row is checked first and every refusal is
   * reported (field `personIds.<index>`, a FieldProblemCode); one refused row and nobody is
   * enrolled. Already enrolled: unchanged; withdrawn: back in. Enrolling into a cohort still being
   * planned sends no mail (everyone is welcomed when it opens); into an open one, the newcomers get
   * the welcome mail, queued in this transaction (once per cohort and person).
   */
  async enrol(actor: Actor, args: EnrolParticipantsArgs): Promise<CohortMembershipEntity[]> {
    return this.commands.run(
      actor,
      args.cohortId,
      CohortChangeKind.Membership,
      { actor: 'manage' },
      async (m, cohort) => {
        const ids = args.personIds;
        const field = (i: number) => `personIds.${i}`;
        const [found, teachers, rows] = await Promise.all([
          m.find(PersonEntity, { where: { id: In([...ids]), organisationId: cohort.organisationId } }),
          m.find(RoleGrantEntity, {
            where: { personId: In(ids), role: Role.TEACHER, organisationId: cohort.organisationId },
          }),
          m.find(CohortMembershipEntity, { where: { cohortId: cohort.id, personId: In(ids) } }),
        ]);
        const people = new Map(found.map((p) => [p.id, p]));
        const problems: FieldProblem[] = [];
        ids.forEach((id, i) => {
          const person = people.get(id);
          if (!person)
            problems.push({
              field: field(i),
              code: FieldProblemCode.NotFound,
              message: `No teacher with id ${id} exists, or you may not see it.`,
            });
          else if (!person.active)
            problems.push({
              field: field(i),
              code: FieldProblemCode.PersonInactive,
              message: `${person.fullName} has no active account.`,
            });
          else if (!teachers.some((t) => t.personId === id))
            problems.push({
              field: field(i),
              code: FieldProblemCode.NotATeacher,
              message: `${person.fullName} is not a teacher in this organisation.`,
            });
          else if (rows.some((r) => r.personId === id && r.role === CohortRole.LEADER && r.leftAt === null))
            problems.push({
              field: field(i),
              code: FieldProblemCode.AlreadyLeader,
              message: `${person.fullName} leads this cohort and cannot also take part in it.`,
            });
        });
        if (problems.length) {
          // Unknown ids keep their NOT_FOUND code (as before); the problems list every refused row.
          const code = problems.some((p) => p.code === FieldProblemCode.NotFound)
            ? 'NOT_FOUND'
            : 'BAD_USER_INPUT';
          throw new DomainError(
            code,
            `Nobody was enrolled: ${problems.length} of ${ids.length} rows were refused. ${problems.map((p) => p.message).join(' ')}`,
            problems,
          );
        }

        const participant = (id: string) =>
          rows.find((r) => r.personId === id && r.role === CohortRole.PARTICIPANT);
        const fresh = ids.filter((id) => !participant(id));
        const returning = ids.filter((id) => participant(id)?.leftAt != null);
        if (fresh.length) {
          await m.insert(
            CohortMembershipEntity,
            fresh.map((id) => ({
              cohortId: cohort.id,
              personId: id,
              role: CohortRole.PARTICIPANT,
              schoolId: people.get(id)?.schoolId ?? null,
              wantsSameSchool: false,
            })),
          );
        }
        if (returning.length) {
          await m.update(
            CohortMembershipEntity,
            { cohortId: cohort.id, role: CohortRole.PARTICIPANT, personId: In(returning) },
            { leftAt: null },
          );
        }
        if (cohort.status === CohortStatus.OPEN && (fresh.length || returning.length))
          await this.notifications.cohortWelcome(m, cohort.id, [...fresh, ...returning]);
        const result = await m.find(CohortMembershipEntity, {
          where: { cohortId: cohort.id, role: CohortRole.PARTICIPANT, personId: In(ids) },
        });
        return ids.map((id) => result.find((r) => r.personId === id) as CohortMembershipEntity);
      },
    );
  }

  /** Sets leftAt and keeps the membership, so attendance, analyses and feedback keep their history. */
  async withdraw(actor: Actor, args: CohortPersonArgs): Promise<CohortMembershipEntity> {
    return this.commands.run(
      actor,
      args.cohortId,
      CohortChangeKind.Membership,
      { actor: 'manage' },
      async (m, cohort) => {
        const row = await this.participantRow(m, cohort.id, args.personId);
        if (row.leftAt === null) {
          row.leftAt = new Date();
          await m.update(CohortMembershipEntity, this.key(row), { leftAt: row.leftAt });
        }
        return row;
      },
    );
  }

  async setSameSchool(actor: Actor, args: SetSameSchoolArgs): Promise<CohortMembershipEntity> {
    return this.commands.run(
      actor,
      args.cohortId,
      CohortChangeKind.Settings,
      { actor: 'manage' },
      async (m, cohort) => {
        const row = await this.participantRow(m, cohort.id, args.personId);
        row.wantsSameSchool = args.wantsSameSchool;
        await m.update(CohortMembershipEntity, this.key(row), { wantsSameSchool: args.wantsSameSchool });
        return row;
      },
    );
  }

  /**
   * The cohort's participants by name. Those who run the cohort and its participants see all;
   * a school leader sees only the participants enrolled from the schools they lead.
   */
  async participants(
    actor: Actor,
    cohortId: string,
    args: ParticipantsArgs,
  ): Promise<Page<CohortMembershipEntity>> {
    const access = await this.gate.read(actor, cohortId);
    let schools: string[] | null = args.schoolId ? [args.schoolId] : null;
    if (!access.canSeeContent) {
      const led = schoolsLedBy(actor);
      schools = schools ? schools.filter((s) => led.includes(s)) : led;
    }
    return paginate(args, (skip, take) => {
      const qb = this.memberships
        .createQueryBuilder('m')
        .innerJoin('m.person', 'p')
        .where('m.cohortId = :cohortId AND m.role = :role', { cohortId, role: CohortRole.PARTICIPANT });
      if (!args.includeWithdrawn) qb.andWhere('m.leftAt IS NULL');
      if (schools) qb.andWhere(schools.length ? 'm.schoolId IN (:...schools)' : 'false', { schools });
      return qb
        .orderBy('p.fullName', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .offset(skip)
        .limit(take)
        .getManyAndCount();
    });
  }

  /** Current leaders of a cohort, by name; batched per request. */
  leadersOf(req: object, cohortId: string): Promise<PersonEntity[]> {
    return requestLoader<string, PersonEntity[]>(
      req,
      'cohort:leaders',
      async (cohortIds) => {
        const rows = await this.memberships
          .createQueryBuilder('m')
          .innerJoinAndSelect('m.person', 'p')
          .where('m.cohortId IN (:...cohortIds) AND m.role = :role AND m.leftAt IS NULL', {
            cohortIds,
            role: CohortRole.LEADER,
          })
          .orderBy('p.fullName', 'ASC')
          .addOrderBy('p.id', 'ASC')
          .getMany();
        const grouped = groupBy(rows, (r) => r.cohortId);
        return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.person as PersonEntity)]));
      },
      [],
    ).load(cohortId);
  }

  /** A person by id, batched per request (for memberships and attendance in lists). */
  personById(req: object, personId: string): Promise<PersonEntity | null> {
    return requestLoader<string, PersonEntity | null>(
      req,
      'cohort:person',
      async (ids) => {
        const rows = await this.people.find({ where: { id: In([...ids]) } });
        return new Map(rows.map((p) => [p.id, p]));
      },
      null,
    ).load(personId);
  }

  /** Participants' enrolment schools in one cohort (personId → schoolId), batched per request. */
  participantSchools(req: object, cohortId: string): Promise<Map<string, string | null>> {
    return requestLoader<string, Map<string, string | null>>(
      req,
      'cohort:participant-schools',
      async (cohortIds) => {
        const rows = await this.memberships.find({
          where: { cohortId: In([...cohortIds]), role: CohortRole.PARTICIPANT },
        });
        const grouped = groupBy(rows, (r) => r.cohortId);
        return new Map([...grouped].map(([k, v]) => [k, new Map(v.map((r) => [r.personId, r.schoolId]))]));
      },
      new Map(),
    ).load(cohortId);
  }

  /** People of the organisation by id; NOT_FOUND (listing each unknown id) for anyone else. */
  private async peopleOf(
    m: EntityManager,
    organisationId: string,
    ids: readonly string[],
    kind: string,
    field: (index: number) => string,
  ): Promise<Map<string, PersonEntity>> {
    const rows = await m.find(PersonEntity, { where: { id: In([...ids]), organisationId } });
    const found = new Map(rows.map((p) => [p.id, p]));
    const missing = ids.flatMap((id, i) =>
      found.has(id)
        ? []
        : [
            {
              field: field(i),
              code: 'NOT_FOUND' as const,
              message: `No ${kind} with id ${id} exists, or you may not see it.`,
            },
          ],
    );
    if (missing.length) throw new DomainError('NOT_FOUND', missing.map((p) => p.message).join(' '), missing);
    return found;
  }

  private async participantRow(
    m: EntityManager,
    cohortId: string,
    personId: string,
  ): Promise<CohortMembershipEntity> {
    const row = await m.findOne(CohortMembershipEntity, {
      where: { cohortId, personId, role: CohortRole.PARTICIPANT },
    });
    if (!row) throw new NotFoundError('participant', personId);
    return row;
  }

  private roleClash(field: string, what: string): BadInputError {
    const message = `That person ${what}.`;
    return new BadInputError(message, [{ field, code: 'ROLE_CLASH', message }]);
  }

  private key(row: CohortMembershipEntity) {
    return { cohortId: row.cohortId, personId: row.personId, role: row.role };
  }
}
