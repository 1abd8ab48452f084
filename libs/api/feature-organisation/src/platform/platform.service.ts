import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  isUniqueViolation,
  Locale,
  OrganisationEntity,
  PersonEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import { assertAcceptablePassword, PasswordService } from '@stl/api/feature-auth';
import { BadInputError, DomainError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { normaliseEmail } from '../person/role-rules';
import { emailProblem, nameProblem, slugFromName, slugProblem } from './onboarding-rules';
import {
  AdministratorStatus,
  OrganisationAdministratorModel,
  OrganisationOverviewModel,
  PlatformOperatorModel,
} from './platform.models';

/** A new organisation and its first administrator, as typed (web or command line). */
export interface NewOrganisation {
  name: string;
  slug?: string | null;
  adminName: string;
  adminEmail: string;
}

/** A new administrator or platform operator, as typed. */
export interface NewPerson {
  name: string;
  email: string;
}

interface CountRow {
  id: string;
  schools: number;
  people: number;
  cohorts: number;
}

/**
 * What platform operators do (ADR 0015): organisations, their sizes, their administrators and
 * their invitations, and other operators. Never course content: nothing here reads cohorts beyond
 * counting them. The command line (`npm run stl`) calls the same methods; the resolver checks that
 * the caller is an operator before calling any of them.
 */
@Injectable()
export class PlatformService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async listOrganisations(): Promise<OrganisationOverviewModel[]> {
    const organisations = await this.dataSource.manager.find(OrganisationEntity, {
      order: { name: 'ASC', id: 'ASC' },
    });
    return this.overviews(this.dataSource.manager, organisations);
  }

  async organisation(id: string): Promise<OrganisationOverviewModel> {
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id } });
    if (!organisation) throw new NotFoundError('organisation', id);
    return (await this.overviews(this.dataSource.manager, [organisation]))[0];
  }

  /**
   * Creates the organisation, its first administrator (no password: they choose one through the
   * invitation) and the invitation, all in one transaction. Bad input is refused with every
   * problem at once; a taken short name or e-mail address is a CONFLICT naming the field.
   */
  async createOrganisation(
    invitedById: string | null,
    input: NewOrganisation,
  ): Promise<OrganisationOverviewModel> {
    const name = (input.name ?? '').trim();
    const slug = input.slug?.trim() ? input.slug.trim().toLowerCase() : slugFromName(name);
    const adminName = (input.adminName ?? '').trim();
    const adminEmail = normaliseEmail(input.adminEmail ?? '');
    const problems = [
      nameProblem('name', name, "organisation's name"),
      name ? slugProblem('slug', slug) : null,
      nameProblem('adminName', adminName, "administrator's name"),
      emailProblem('adminEmail', adminEmail),
    ].filter((p): p is FieldProblem => p !== null);
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    try {
      const id = await this.dataSource.transaction(async (m) => {
        if (await m.exists(OrganisationEntity, { where: { slug } })) throw slugTaken(slug);
        if (await m.exists(PersonEntity, { where: { email: adminEmail } }))
          throw emailTaken('adminEmail', adminEmail);
        const organisation = await m.save(m.create(OrganisationEntity, { name, slug }));
        await this.addAdministrator(m, organisation.id, invitedById, { name: adminName, email: adminEmail });
        return organisation.id;
      });
      return this.organisation(id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // Another request took the name or the address between the check and the insert.
        const taken = await this.dataSource.manager.exists(OrganisationEntity, { where: { slug } });
        throw taken ? slugTaken(slug) : emailTaken('adminEmail', adminEmail);
      }
      throw error;
    }
  }

  async renameOrganisation(id: string, rawName: string): Promise<OrganisationOverviewModel> {
    const name = (rawName ?? '').trim();
    const problem = nameProblem('name', name, "organisation's name");
    if (problem) throw new BadInputError(problem.message, [problem]);
    const { affected } = await this.dataSource.manager.update(OrganisationEntity, { id }, { name });
    if (!affected) throw new NotFoundError('organisation', id);
    return this.organisation(id);
  }

  /**
   * Adds an administrator to an organisation and invites them; an address that already belongs to
   * one of its administrators invites that person again instead. An address used anywhere else on
   * the platform is a CONFLICT.
   */
  async inviteAdministrator(
    invitedById: string | null,
    organisationId: string,
    input: NewPerson,
  ): Promise<OrganisationOverviewModel> {
    const name = (input.name ?? '').trim();
    const email = normaliseEmail(input.email ?? '');
    const problems = [nameProblem('name', name, 'full name'), emailProblem('email', email)].filter(
      (p): p is FieldProblem => p !== null,
    );
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    await this.dataSource.transaction(async (m) => {
      if (!(await m.exists(OrganisationEntity, { where: { id: organisationId } })))
        throw new NotFoundError('organisation', organisationId);
      const existing = await m.findOne(PersonEntity, { where: { email } });
      if (!existing) {
        await this.addAdministrator(m, organisationId, invitedById, { name, email });
        return;
      }
      const isAdmin = await m.exists(RoleGrantEntity, {
        where: { personId: existing.id, organisationId, role: Role.ADMINISTRATOR },
      });
      if (!isAdmin) throw emailTaken('email', email);
      await this.invite(m, [existing.id], invitedById);
    });
    return this.organisation(organisationId);
  }

  /** Sends an administrator of any organisation a new invitation (the old link stops working). */
  async resendAdministratorInvitation(
    invitedById: string | null,
    personId: string,
  ): Promise<OrganisationOverviewModel> {
    const grant = await this.dataSource.manager.findOne(RoleGrantEntity, {
      where: { personId, role: Role.ADMINISTRATOR },
    });
    if (!grant) throw new NotFoundError('administrator', personId);
    await this.dataSource.transaction((m) => this.invite(m, [personId], invitedById));
    return this.organisation(grant.organisationId);
  }

  async listOperators(): Promise<PlatformOperatorModel[]> {
    const people = await this.dataSource.manager
      .createQueryBuilder(PersonEntity, 'p')
      .addSelect('p.passwordHash')
      .where('p.platformOperator')
      .orderBy('p.fullName', 'ASC')
      .getMany();
    return people.map((p) => ({ personId: p.id, fullName: p.fullName, email: p.email, status: statusOf(p) }));
  }

  /**
   * Makes a platform operator, invited to choose a password, or with the password given (the
   * command line reads it from standard input; the password rule of ADR 0010 applies). An address
   * already in use is a CONFLICT: an organisation's member cannot also be an operator.
   */
  async addOperator(
    invitedById: string | null,
    input: NewPerson,
    password?: string,
  ): Promise<PlatformOperatorModel> {
    const name = (input.name ?? '').trim();
    const email = normaliseEmail(input.email ?? '');
    const problems = [nameProblem('name', name, 'full name'), emailProblem('email', email)].filter(
      (p): p is FieldProblem => p !== null,
    );
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    if (password !== undefined) assertAcceptablePassword('password', password, { email, fullName: name });
    const passwordHash = password !== undefined ? await this.passwords.hash(password) : null;
    try {
      const person = await this.dataSource.transaction(async (m) => {
        if (await m.exists(PersonEntity, { where: { email } })) throw emailTaken('email', email);
        const saved = await m.save(
          m.create(PersonEntity, {
            organisationId: null,
            platformOperator: true,
            fullName: name,
            email,
            schoolId: null,
            locale: Locale.sv,
            passwordHash,
            active: true,
          }),
        );
        if (!passwordHash) await this.invite(m, [saved.id], invitedById);
        return saved;
      });
      return {
        personId: person.id,
        fullName: person.fullName,
        email: person.email,
        status: passwordHash ? AdministratorStatus.ACTIVE : AdministratorStatus.INVITED,
      };
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken('email', email);
      throw error;
    }
  }

  private async addAdministrator(
    m: EntityManager,
    organisationId: string,
    invitedById: string | null,
    input: NewPerson,
  ): Promise<string> {
    const person = await m.save(
      m.create(PersonEntity, {
        organisationId,
        fullName: input.name,
        email: input.email,
        schoolId: null,
        locale: Locale.sv,
        passwordHash: null,
        active: true,
      }),
    );
    await m.insert(RoleGrantEntity, {
      personId: person.id,
      organisationId,
      role: Role.ADMINISTRATOR,
      schoolId: null,
    });
    await this.invite(m, [person.id], invitedById);
    return person.id;
  }

  /**
   * Invitation mail for these people, in the caller's transaction. Invitations (single-use links,
   * the outbox mail) belong to the accounts work of issue 9; until it is merged nobody is mailed
   * and a new person gets in when an administrator sets their password.
   */
  private async invite(
    _m: EntityManager,
    _personIds: readonly string[],
    _invitedById: string | null,
  ): Promise<void> {
    return;
  }

  private async overviews(
    m: EntityManager,
    organisations: OrganisationEntity[],
  ): Promise<OrganisationOverviewModel[]> {
    if (!organisations.length) return [];
    const ids = organisations.map((o) => o.id);
    const counts: CountRow[] = await m.query(
      `SELECT o.id,
              (SELECT count(*)::int FROM school s WHERE s.organisation_id = o.id) AS schools,
              (SELECT count(*)::int FROM person p WHERE p.organisation_id = o.id AND p.active) AS people,
              (SELECT count(*)::int FROM cohort c WHERE c.organisation_id = o.id) AS cohorts
         FROM organisation o WHERE o.id = ANY($1)`,
      [ids],
    );
    const grants = await m.find(RoleGrantEntity, {
      where: { organisationId: In(ids), role: Role.ADMINISTRATOR },
    });
    const admins = grants.length
      ? await m
          .createQueryBuilder(PersonEntity, 'p')
          .addSelect('p.passwordHash')
          .where('p.id IN (:...ids)', { ids: grants.map((g) => g.personId) })
          .orderBy('p.fullName', 'ASC')
          .getMany()
      : [];
    const byId = new Map(counts.map((c) => [c.id, c]));
    return organisations.map((organisation) => {
      const c = byId.get(organisation.id);
      return {
        organisation,
        schoolCount: c?.schools ?? 0,
        peopleCount: c?.people ?? 0,
        cohortCount: c?.cohorts ?? 0,
        createdAt: organisation.createdAt,
        administrators: admins
          .filter((p) => p.organisationId === organisation.id)
          .map((p): OrganisationAdministratorModel => ({
            personId: p.id,
            fullName: p.fullName,
            email: p.email,
            status: statusOf(p),
          })),
      };
    });
  }
}

function statusOf(person: PersonEntity): AdministratorStatus {
  if (!person.active) return AdministratorStatus.INACTIVE;
  return person.passwordHash ? AdministratorStatus.ACTIVE : AdministratorStatus.INVITED;
}

function slugTaken(slug: string): DomainError {
  const message = `Another organisation already has the short name "${slug}".`;
  return new DomainError('CONFLICT', message, [{ field: 'slug', code: 'SLUG_TAKEN', message }]);
}

function emailTaken(field: string, email: string): DomainError {
  const message = `Someone already signs in with ${email}. Each person needs their own address.`;
  return new DomainError('CONFLICT', message, [{ field, code: 'EMAIL_TAKEN', message }]);
}
