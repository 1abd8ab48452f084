import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AccountTokenPurpose,
  AuditEventKind,
  AuditTargetType,
  invitationStatusSql,
  isUniqueViolation,
  Locale,
  OrganisationEntity,
  PersonEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import { AccountTokenService, InvitationService } from '@stl/api/feature-account';
import { assertAcceptablePassword, AuditService, PasswordService } from '@stl/api/feature-auth';
import { accountLinkToken } from '@stl/api/feature-notification';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { MAIL_PATHS } from '@stl/mail/util-templates';
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
    private readonly invitations: InvitationService,
    private readonly tokens: AccountTokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    return this.people(this.dataSource.manager, 'p.platform_operator', []);
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
  ): Promise<{ operator: PlatformOperatorModel; invitation: { url: string; expiresAt: Date } | null }> {
    const name = (input.name ?? '').trim();
    const email = normaliseEmail(input.email ?? '');
    const problems = [nameProblem('name', name, 'full name'), emailProblem('email', email)].filter(
      (p): p is FieldProblem => p !== null,
    );
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    if (password !== undefined) assertAcceptablePassword('password', password, { email, fullName: name });
    const passwordHash = password !== undefined ? await this.passwords.hash(password) : null;
    try {
      return await this.dataSource.transaction(async (m) => {
        if (await m.exists(PersonEntity, { where: { email } })) throw emailTaken('email', email);
        const person = await m.save(
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
        const invitation = passwordHash ? null : await this.operatorLink(m, person.id, invitedById);
        return {
          operator: {
            personId: person.id,
            fullName: person.fullName,
            email: person.email,
            status: passwordHash ? AdministratorStatus.ACTIVE : AdministratorStatus.INVITED,
          },
          invitation,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken('email', email);
      throw error;
    }
  }

  /**
   * A new single-use link for an existing platform operator to choose a (new) password: how an
   * operator gets back in, since they get no mail (ADR 0015). Older unused links stop working.
   */
  async operatorInvitation(
    invitedById: string | null,
    rawEmail: string,
  ): Promise<{ operator: PlatformOperatorModel; invitation: { url: string; expiresAt: Date } }> {
    const email = normaliseEmail(rawEmail ?? '');
    return this.dataSource.transaction(async (m) => {
      const person = await m.findOne(PersonEntity, {
        where: { email, platformOperator: true, active: true },
      });
      if (!person) throw new NotFoundError('platform operator', email);
      const [operator] = await this.people(m, 'p.id = $1', [person.id]);
      return { operator, invitation: await this.operatorLink(m, person.id, invitedById) };
    });
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
    // In the organisation's own log: its administrators see who made whom one (ADR 0029).
    await this.audit.record(
      {
        kind: AuditEventKind.ROLE_GRANTED,
        actorId: invitedById,
        organisationId,
        target: { type: AuditTargetType.PERSON, id: person.id },
        details: { role: Role.ADMINISTRATOR, schoolId: null },
      },
      m,
    );
    await this.invite(m, [person.id], invitedById);
    return person.id;
  }

  /** Invitation mail (ADR 0013) for members of an organisation, in the caller's transaction. */
  private invite(m: EntityManager, personIds: readonly string[], invitedById: string | null): Promise<void> {
    return this.invitations.invite(m, personIds, invitedById);
  }

  /**
   * A single-use invitation link for a platform operator, to hand over in person (the command line
   * prints it): operators belong to no organisation, whose outbox their mail would go through.
   * Accepting it works as for anyone (ADR 0013): they choose a password and are signed in.
   */
  private async operatorLink(m: EntityManager, personId: string, invitedById: string | null) {
    const [link] = await this.tokens.issue(m, AccountTokenPurpose.INVITATION, [personId], invitedById);
    const token = accountLinkToken(link.tokenId, this.config.notification.linkSecret);
    return {
      url: `${this.config.notification.publicWebUrl}${MAIL_PATHS.invitation}#${encodeURIComponent(token)}`,
      expiresAt: link.expiresAt,
    };
  }

  /** People matching `where` (SQL on alias p) with how far they have got in, by name. */
  private async people(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<(PlatformOperatorModel & { organisationId: string | null })[]> {
    const rows: PersonStatusRow[] = await m.query(
      `SELECT p.id, p.full_name, p.email, p.organisation_id, p.active, p.password_hash IS NOT NULL AS has_password,
              ${invitationStatusSql('p')} AS invitation
         FROM person p WHERE ${where} ORDER BY p.full_name, p.id`,
      params,
    );
    return rows.map((p) => ({
      personId: p.id,
      fullName: p.full_name,
      email: p.email,
      organisationId: p.organisation_id,
      status: statusOf(p),
    }));
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
    const admins = await this.people(
      m,
      `p.organisation_id = ANY($1) AND EXISTS (SELECT 1 FROM role_grant g
         WHERE g.person_id = p.id AND g.organisation_id = p.organisation_id AND g.role = 'ADMINISTRATOR')`,
      [ids],
    );
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
            personId: p.personId,
            fullName: p.fullName,
            email: p.email,
            status: p.status,
          })),
      };
    });
  }
}

interface PersonStatusRow {
  id: string;
  full_name: string;
  email: string;
  organisation_id: string | null;
  active: boolean;
  has_password: boolean;
  invitation: 'PENDING' | 'ACCEPTED' | 'EXPIRED' | null;
}

/** Whether someone can get in: switched off, able to sign in, invited, or their link ran out. */
function statusOf(p: PersonStatusRow): AdministratorStatus {
  if (!p.active) return AdministratorStatus.INACTIVE;
  if (p.has_password || p.invitation === 'ACCEPTED') return AdministratorStatus.ACTIVE;
  if (p.invitation === 'PENDING') return AdministratorStatus.INVITED;
  if (p.invitation === 'EXPIRED') return AdministratorStatus.INVITATION_EXPIRED;
  return AdministratorStatus.NOT_INVITED;
}

function slugTaken(slug: string): DomainError {
  const message = `Another organisation already has the short name "${slug}".`;
  return new DomainError('CONFLICT', message, [{ field: 'slug', code: 'SLUG_TAKEN', message }]);
}

function emailTaken(field: string, email: string): DomainError {
  const message = `Someone already signs in with ${email}. Each person needs their own address.`;
  return new DomainError('CONFLICT', message, [{ field, code: 'EMAIL_TAKEN', message }]);
}
