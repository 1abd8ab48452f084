import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  invitationStatusSql,
  isUniqueViolation,
  Locale,
  PersonEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import {
  AccessPolicy,
  administersPersonOf,
  assertAcceptablePassword,
  displayName,
  newPseudonym,
  AuditService,
  PasswordService,
  SessionService,
} from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy, paginate, requestLoader } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { SchoolService } from '../school/school.service';
import type { CreatePersonInput } from './dto/create-person.input';
import type { UpdatePersonInput } from './dto/update-person.input';
import type { PeopleArgs } from './people.args';
import type { RoleChangeArgs, SetPasswordArgs, SetProtectedIdentityArgs } from './person.args';
import {
  canSearchByEmail,
  canSeeEmail,
  canSeePerson,
  peopleScope,
  personUpdateRefusal,
} from './person-access';
import { distinctGrants, grantSchoolProblem, normaliseEmail, roleRevocationRefusal } from './role-rules';

@Injectable()
export class PersonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    private readonly schools: SchoolService,
    private readonly access: AccessPolicy,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  /** A person the actor may see; NOT_FOUND otherwise, with no hint whether they exist. */
  async get(actor: Actor, id: string): Promise<PersonEntity> {
    const person = await this.people.findOne({ where: { id } });
    if (!person || !canSeePerson(actor, person)) throw new NotFoundError('person', id);
    return person;
  }

  async list(actor: Actor, args: PeopleArgs): Promise<Page<PersonEntity>> {
    this.access.assertMemberOf(actor, args.organisationId);
    const scope = peopleScope(actor);
    if (scope.kind === 'none') {
      throw new ForbiddenError('Only administrators, course leaders and school leaders can list people.');
    }
    const filter = args.filter ?? {};
    if (filter.schoolId) {
      await this.schools.assertInOrganisation(this.dataSource.manager, args.organisationId, [
        filter.schoolId,
      ]);
      if (scope.kind === 'schools' && !scope.schoolIds.includes(filter.schoolId)) {
        throw new ForbiddenError('You can list the people of the schools you lead only.');
      }
    }
    const qb = this.people
      .createQueryBuilder('p')
      .where('p.organisationId = :organisationId', { organisationId: args.organisationId });
    if (scope.kind === 'schools') qb.andWhere('p.schoolId IN (:...led)', { led: scope.schoolIds });
    if (filter.schoolId) qb.andWhere('p.schoolId = :schoolId', { schoolId: filter.schoolId });
    if (filter.active != null) qb.andWhere('p.active = :active', { active: filter.active });
    if (filter.role) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = :role AND g.organisation_id = p.organisation_id)',
        { role: filter.role },
      );
    }
    if (filter.invitationStatus) {
      // Invitations (ADR 0013) are the administrators' business only.
      this.access.assertAdminOf(actor, args.organisationId);
      qb.andWhere(`${invitationStatusSql('p')} IN (:...statuses)`, {
        statuses: filter.invitationStatus.length ? filter.invitationStatus : [''],
      });
    }
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      // Only those who may read an address find people by it; a protected person's address only
      // administrators (ADR 0031), so a course leader cannot confirm it by searching.
      const byEmail = this.access.isAdminOf(actor, args.organisationId)
        ? 'p.email ILIKE :pattern'
        : 'p.email ILIKE :pattern AND NOT p.protectedIdentity';
      qb.andWhere(
        canSearchByEmail(actor) ? `(p.fullName ILIKE :pattern OR (${byEmail}))` : 'p.fullName ILIKE :pattern',
        { pattern },
      );
    }
    qb.orderBy('p.fullName', 'ASC').addOrderBy('p.id', 'ASC');
    return paginate(args, (skip, take) => qb.skip(skip).take(take).getManyAndCount());
  }

  async create(actor: Actor, input: CreatePersonInput): Promise<PersonEntity> {
    this.access.assertAdminOf(actor, input.organisationId);
    const roles = distinctGrants(input.roles);
    const problems = input.roles
      .map((g, i) => grantSchoolProblem(g.role, g.schoolId ?? null, `roles.${i}.schoolId`))
      .filter((p): p is FieldProblem => p !== null);
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    const email = normaliseEmail(input.email);
    // Passwords (ADR 0010): the rule, with the new person's own e-mail and name, before anything is hashed.
    if (input.password)
      assertAcceptablePassword('password', input.password, { email, fullName: input.fullName });
    const passwordHash = input.password ? await this.passwords.hash(input.password) : null;
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.schools.assertInOrganisation(m, input.organisationId, [
          input.schoolId,
          ...roles.map((g) => g.schoolId),
        ]);
        if (await m.exists(PersonEntity, { where: { email } })) throw this.emailTaken(email);
        const { id } = await m.save(
          m.create(PersonEntity, {
            organisationId: input.organisationId,
            fullName: input.fullName,
            email,
            schoolId: input.schoolId ?? null,
            locale: input.locale ?? Locale.sv,
            passwordHash,
            active: true,
          }),
        );
        await m.insert(
          RoleGrantEntity,
          roles.map((g) => ({
            personId: id,
            organisationId: input.organisationId,
            role: g.role,
            schoolId: g.schoolId ?? null,
          })),
        );
        for (const g of roles)
          await this.auditRole(m, actor, AuditEventKind.ROLE_GRANTED, id, g.role, g.schoolId);
        return m.findOneOrFail(PersonEntity, { where: { id } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.emailTaken(email);
      throw error;
    }
  }

  async update(actor: Actor, id: string, input: UpdatePersonInput): Promise<PersonEntity> {
    const person = await this.get(actor, id);
    const fields = Object.keys(input).filter((k) => input[k as keyof UpdatePersonInput] !== undefined);
    const refusal = personUpdateRefusal(actor, person, { fields, deactivates: input.active === false });
    if (refusal) throw new ForbiddenError(refusal);
    return this.dataSource.transaction(async (m) => {
      // `get` showed the person: they are in the actor's own organisation.
      if (input.schoolId) await this.schools.assertInOrganisation(m, actor.organisationId, [input.schoolId]);
      const changes: Partial<PersonEntity> = {};
      if (input.fullName !== undefined) changes.fullName = input.fullName;
      if (input.locale !== undefined) changes.locale = input.locale;
      if (input.schoolId !== undefined) changes.schoolId = input.schoolId;
      if (input.active !== undefined) changes.active = input.active;
      if (Object.keys(changes).length) await m.update(PersonEntity, { id }, changes);
      // A deactivated person is signed out everywhere at once, in this transaction (ADR 0004).
      if (input.active === false) await SessionService.endAllFor(m, id);
      return m.findOneOrFail(PersonEntity, { where: { id } });
    });
  }

  async grantRole(actor: Actor, args: RoleChangeArgs): Promise<PersonEntity> {
    const person = await this.roleTarget(actor, args);
    await this.dataSource.transaction(async (m) => {
      await this.schools.assertInOrganisation(m, actor.organisationId, [args.schoolId]);
      if (await this.ensureGrant(m, person, args.role, args.schoolId ?? null))
        await this.auditRole(m, actor, AuditEventKind.ROLE_GRANTED, person.id, args.role, args.schoolId);
    });
    return person;
  }

  async revokeRole(actor: Actor, args: RoleChangeArgs): Promise<PersonEntity> {
    const person = await this.roleTarget(actor, args);
    const refusal = roleRevocationRefusal(actor.personId, person.id, args.role);
    if (refusal) throw new ForbiddenError(refusal);
    await this.dataSource.transaction(async (m) => {
      // The person's row is locked first, so two revocations at once cannot each leave one role
      // behind in the other's view and both skip ending the sessions.
      await m.findOne(PersonEntity, { where: { id: person.id }, lock: { mode: 'pessimistic_write' } });
      const { affected } = await m.delete(RoleGrantEntity, {
        personId: person.id,
        organisationId: person.organisationId,
        role: args.role,
        schoolId: args.schoolId ? args.schoolId : IsNull(),
      });
      if (affected)
        await this.auditRole(m, actor, AuditEventKind.ROLE_REVOKED, person.id, args.role, args.schoolId);
      // Without any role left, nothing they could do is theirs to do: their sessions end at once.
      if (!(await m.exists(RoleGrantEntity, { where: { personId: person.id } }))) {
        await SessionService.endAllFor(m, person.id);
      }
    });
    return person;
  }

  /**
   * Adds the grant unless the person already holds it; safe when two requests race. True when it
   * was added.
   */
  async ensureGrant(
    manager: EntityManager,
    person: PersonEntity,
    role: Role,
    schoolId: string | null,
  ): Promise<boolean> {
    if (person.organisationId === null) {
      throw new ForbiddenError('A platform operator holds no role in an organisation.');
    }
    const { raw } = await manager
      .createQueryBuilder()
      .insert()
      .into(RoleGrantEntity)
      .values({ personId: person.id, organisationId: person.organisationId, role, schoolId })
      .orIgnore()
      .returning('id')
      .execute();
    return (raw as unknown[]).length > 0;
  }

  /** A role given or taken, in the transaction of the change (ADR 0029). */
  auditRole(
    m: EntityManager,
    actor: Actor,
    kind: AuditEventKind.ROLE_GRANTED | AuditEventKind.ROLE_REVOKED,
    personId: string,
    role: Role,
    schoolId?: string | null,
  ): Promise<void> {
    return this.audit.record(
      {
        kind,
        ...AuditService.by(actor),
        target: { type: AuditTargetType.PERSON, id: personId },
        details: { role, schoolId: schoolId ?? null },
      },
      m,
    );
  }

  /**
   * Sets a password for oneself or, as an administrator, for anyone in the organisation. The
   * person's other sessions end, so a password reset also throws out whoever knew the old one.
   */
  async setPassword(actor: Actor, args: SetPasswordArgs): Promise<boolean> {
    const person = await this.get(actor, args.personId);
    // One's own password is changed with changePassword, which asks for the current one (issue 9):
    // a session left open on a shared computer must not be enough to take the account over.
    if (person.id === actor.personId) {
      throw new ForbiddenError(
        'Change your own password with changePassword, which asks for the current one.',
      );
    }
    if (!this.access.isAdminOf(actor, person.organisationId)) {
      throw new ForbiddenError('Only an administrator may set someone else’s password.');
    }
    // Passwords (ADR 0010): the rule, with the person's own e-mail and name, before anything is hashed.
    assertAcceptablePassword('password', args.password, { email: person.email, fullName: person.fullName });
    const passwordHash = await this.passwords.hash(args.password);
    await this.dataSource.transaction(async (m) => {
      await m.update(PersonEntity, { id: person.id }, { passwordHash });
      await SessionService.endAllFor(m, person.id);
    });
    return true;
  }

  email(actor: Actor, person: PersonEntity): string | null {
    return canSeeEmail(actor, person) ? person.email : null;
  }

  /**
   * Marks a person as having a protected identity (skyddade personuppgifter, ADR 0031), or clears the
   * mark. The first time, the person gets a pseudonym unique in the organisation, kept from then on
   * so the stand-in never changes. Administrators of the person's organisation only.
   */
  async setProtectedIdentity(actor: Actor, args: SetProtectedIdentityArgs): Promise<PersonEntity> {
    const person = await this.get(actor, args.personId);
    this.access.assertAdminOf(actor, person.organisationId);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (m) => {
          const current = await m.findOneOrFail(PersonEntity, {
            where: { id: person.id },
            lock: { mode: 'pessimistic_write' },
          });
          const pseudonym = current.pseudonym ?? (args.protected ? newPseudonym() : null);
          await m.update(PersonEntity, { id: person.id }, { protectedIdentity: args.protected, pseudonym });
          return m.findOneOrFail(PersonEntity, { where: { id: person.id } });
        });
      } catch (error) {
        // Another person of the organisation already has this pseudonym: draw again.
        if (!isUniqueViolation(error) || attempt >= 20) throw error;
      }
    }
  }

  /** The protected-identity mark: administrators of the person's organisation only, null for others. */
  protectedIdentity(actor: Actor, person: PersonEntity): boolean | null {
    return administersPersonOf(actor, person) ? person.protectedIdentity : null;
  }

  /** The pseudonym: administrators of the person's organisation only, null for others. */
  pseudonym(actor: Actor, person: PersonEntity): string | null {
    return administersPersonOf(actor, person) ? person.pseudonym : null;
  }

  /** The name as this actor may see it (ADR 0031). */
  fullName(actor: Actor, person: PersonEntity): string {
    return displayName(actor, person);
  }

  /** A person's organisation roles, loaded for all people of a request at once. */
  roles(req: object, actor: Actor, person: PersonEntity): Promise<RoleGrantEntity[]> {
    if (person.organisationId !== actor.organisationId) return Promise.resolve([]);
    return requestLoader<string, RoleGrantEntity[]>(
      req,
      'organisation:grantsByPerson',
      async (ids) => {
        const rows = await this.grants.find({
          where: { personId: In([...ids]), organisationId: actor.organisationId },
          order: { role: 'ASC', schoolId: 'ASC' },
        });
        return groupBy(rows, (g) => g.personId);
      },
      [],
    ).load(person.id);
  }

  private async roleTarget(actor: Actor, args: RoleChangeArgs): Promise<PersonEntity> {
    const person = await this.get(actor, args.personId);
    this.access.assertAdminOf(actor, person.organisationId);
    const problem = grantSchoolProblem(args.role, args.schoolId ?? null, 'schoolId');
    if (problem) throw new BadInputError(problem.message, [problem]);
    return person;
  }

  private emailTaken(email: string): DomainError {
    return new DomainError(
      'CONFLICT',
      `Someone already signs in with ${email}. Each person needs their own address.`,
      [
        {
          field: 'email',
          code: 'EMAIL_TAKEN',
          message: 'Someone already signs in with this e-mail address.',
        },
      ],
    );
  }
}
