import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  OrganisationEntity,
  OrganisationSsoEntity,
  Role,
  RoleGrantEntity,
} from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { BadInputError, DomainError, FieldProblemCode } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { AccessPolicy } from '../access-policy.service';
import type { Actor } from '../actor';
import { AuditService } from '../audit/audit.service';
import { OidcProviderClient } from './oidc-provider.client';
import { SecretBox } from './secret-box';
import type { OrganisationSsoModel, SaveOrganisationSsoInput, SsoOptionModel } from './sso.models';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain part of an e-mail address, lower case, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}

/** The SSO settings of organisations (ADR 0014): read and saved by their administrators only. */
@Injectable()
export class SsoSettingsService implements OnModuleInit {
  private readonly log = new Logger('SSO');
  private readonly box: SecretBox | null;

  constructor(
    @InjectRepository(OrganisationSsoEntity) private readonly settings: Repository<OrganisationSsoEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    private readonly access: AccessPolicy,
    private readonly provider: OidcProviderClient,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = config.sso.secretKey ? new SecretBox(config.sso.secretKey) : null;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.sso.secretKeyIsDevDefault) {
      this.log.warn('SSO_SECRET_KEY is not set: SSO client secrets are encrypted with a development key.');
    } else if (!this.box && (await this.settings.exists({ where: { enabled: true } }))) {
      this.log.error('SSO_SECRET_KEY is not set: single sign-on is refused until it is.');
    }
  }

  /** The one redirect URI every provider sends people back to. */
  redirectUri(): string {
    return `${this.config.notification.publicWebUrl}/auth/oidc/callback`;
  }

  async get(actor: Actor, organisationId: string): Promise<OrganisationSsoModel> {
    this.access.assertAdminOf(actor, organisationId);
    const row = await this.settings.findOne({ where: { organisationId } });
    return this.toModel(organisationId, row);
  }

  async save(actor: Actor, input: SaveOrganisationSsoInput): Promise<OrganisationSsoModel> {
    const organisationId = input.organisationId;
    this.access.assertAdminOf(actor, organisationId);
    const existing = await this.settings.findOne({ where: { organisationId } });
    const problems: FieldProblem[] = [];
    const issuer = this.normaliseIssuer(input.issuer.trim(), problems);
    const domains = [
      ...new Set(input.allowedDomains.map((d) => d.trim().toLowerCase().replace(/^@/, ''))),
    ].filter(Boolean);
    for (const d of domains) {
      if (!DOMAIN.test(d))
        problems.push({
          field: 'allowedDomains',
          code: FieldProblemCode.DomainInvalid,
          message: `"${d}" is not an e-mail domain such as larkby.se.`,
        });
    }
    if (input.enabled && !domains.length)
      problems.push({
        field: 'allowedDomains',
        code: FieldProblemCode.DomainsRequired,
        message: 'Single sign-on needs at least one allowed e-mail domain.',
      });
    const taken = domains.length
      ? await this.settings
          .createQueryBuilder('s')
          .where('s.organisation_id <> :organisationId AND s.allowed_domains && :domains', {
            organisationId,
            domains,
          })
          .getMany()
      : [];
    for (const d of domains.filter((d) => taken.some((t) => t.allowedDomains.includes(d)))) {
      problems.push({
        field: 'allowedDomains',
        code: FieldProblemCode.DomainTaken,
        message: `Another organisation's single sign-on already has ${d}.`,
      });
    }
    const newSecret = input.clientSecret ?? null;
    if (input.enabled && !newSecret && !existing?.clientSecretEncrypted)
      problems.push({
        field: 'clientSecret',
        code: FieldProblemCode.ClientSecretRequired,
        message: 'Enter the client secret from the provider.',
      });
    if (input.passwordSignInDisabled && !input.enabled)
      problems.push({
        field: 'passwordSignInDisabled',
        code: FieldProblemCode.RequiresSsoEnabled,
        message: 'Password sign-in can be turned off only while single sign-on is on.',
      });
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    if (!this.box && (newSecret || input.enabled))
      throw new DomainError(
        'SSO_KEY_MISSING',
        'The server has no SSO_SECRET_KEY; single sign-on cannot be set up.',
      );
    let storedIssuer = issuer as string;
    if (input.enabled && issuer) {
      // Turning it on with a provider that cannot be reached would only show people an error page.
      // The issuer is stored as the provider states it, so the ID tokens' `iss` matches exactly.
      try {
        storedIssuer = await this.provider.verifyIssuer(issuer);
      } catch (e) {
        this.log.warn(`Discovery failed for ${issuer}: ${(e as Error).message}`);
        throw new BadInputError('The provider could not be reached at this issuer URL.', [
          {
            field: 'issuer',
            code: FieldProblemCode.IssuerDiscoveryFailed,
            message: `No OpenID Connect provider for this issuer answered at ${issuer}/.well-known/openid-configuration.`,
          },
        ]);
      }
    }
    const row: Partial<OrganisationSsoEntity> = {
      organisationId,
      issuer: storedIssuer,
      clientId: input.clientId.trim(),
      clientSecretEncrypted:
        newSecret && this.box
          ? this.box.seal(newSecret, organisationId)
          : (existing?.clientSecretEncrypted ?? null),
      allowedDomains: domains,
      displayName: input.displayName.trim(),
      enabled: input.enabled,
      passwordSignInDisabled: input.passwordSignInDisabled,
    };
    await this.settings.manager.transaction(async (m) => {
      await m.save(OrganisationSsoEntity, m.create(OrganisationSsoEntity, row));
      // What changed, as codes and counts: never the secret, the client id or the domains (ADR 0029).
      await this.audit.record(
        {
          kind: AuditEventKind.SSO_SETTINGS_CHANGED,
          ...AuditService.by(actor),
          organisationId,
          target: { type: AuditTargetType.ORGANISATION, id: organisationId },
          details: {
            enabled: input.enabled,
            passwordSignInDisabled: input.passwordSignInDisabled,
            issuerChanged: existing?.issuer !== storedIssuer,
            clientSecretChanged: Boolean(newSecret),
            allowedDomains: domains.length,
          },
        },
        m,
      );
    });
    const saved = await this.settings.findOneOrFail({ where: { organisationId } });
    this.log.log(
      `SSO settings of organisation ${organisationId} saved by ${actor.personId} (enabled: ${saved.enabled}).`,
    );
    return this.toModel(organisationId, saved);
  }

  /** The enabled single sign-on for an e-mail address's domain, or null. */
  async forEmail(email: string): Promise<SsoOptionModel | null> {
    const domain = emailDomain(email);
    if (!domain) return null;
    const row = await this.settings
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.organisation', 'o')
      .where('s.enabled AND :domain = ANY(s.allowed_domains)', { domain })
      .getOne();
    return this.option(row, email.trim().toLowerCase());
  }

  /**
   * The organisation's enabled single sign-on, or null: for pages that know the organisation, such
   * as accepting an invitation (`loginHint`: the invited address, passed on to the provider).
   */
  async forOrganisation(organisationId: string, loginHint?: string): Promise<SsoOptionModel | null> {
    const row = await this.settings.findOne({
      where: { organisationId, enabled: true },
      relations: { organisation: true },
    });
    return this.option(row, loginHint);
  }

  private option(row: OrganisationSsoEntity | null, loginHint?: string): SsoOptionModel | null {
    if (!row?.organisation) return null;
    return {
      displayName: row.displayName,
      organisationSlug: row.organisation.slug,
      startPath: this.startPath(row.organisation.slug, loginHint),
    };
  }

  startPath(slug: string, loginHint?: string): string {
    const base = `/auth/oidc/${encodeURIComponent(slug)}/start`;
    return loginHint ? `${base}?login_hint=${encodeURIComponent(loginHint)}` : base;
  }

  /** An organisation's settings when single sign-on is on, with the client secret decrypted. */
  async enabledFor(
    organisationId: string,
  ): Promise<(OrganisationSsoEntity & { clientSecret: string }) | null> {
    const row = await this.settings.findOne({ where: { organisationId, enabled: true } });
    if (!row?.clientSecretEncrypted || !this.box) return null;
    const clientSecret = this.box.open(row.clientSecretEncrypted, organisationId);
    if (clientSecret === null) {
      this.log.error(
        `The SSO client secret of organisation ${organisationId} does not decrypt with SSO_SECRET_KEY.`,
      );
      return null;
    }
    return { ...row, clientSecret };
  }

  /**
   * Whether a person may sign in (or reset) with a password. Refused while their organisation has
   * single sign-on on with password sign-in off, except for the organisation's administrators: the
   * way back in when the provider fails or is misconfigured (ADR 0014). Returns the SSO start path
   * when refused.
   */
  async passwordRefusal(person: {
    id: string;
    organisationId: string | null;
  }): Promise<{ ssoStartPath: string } | null> {
    // A platform operator (ADR 0015) belongs to no organisation and always signs in with a password.
    if (!person.organisationId) return null;
    const row = await this.settings.findOne({
      where: { organisationId: person.organisationId, enabled: true, passwordSignInDisabled: true },
      relations: { organisation: true },
    });
    if (!row) return null;
    const admin = await this.grants.exists({
      where: { personId: person.id, organisationId: person.organisationId, role: Role.ADMINISTRATOR },
    });
    if (admin) return null;
    return { ssoStartPath: this.startPath(row.organisation?.slug ?? '') };
  }

  /** The organisation with this slug and single sign-on on, or null. */
  async organisationBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOne({ where: { slug } });
  }

  private normaliseIssuer(value: string, problems: FieldProblem[]): string | null {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push({
        field: 'issuer',
        code: FieldProblemCode.IssuerInvalid,
        message: 'Enter the issuer as a URL.',
      });
      return null;
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    const ok =
      (url.protocol === 'https:' ||
        (url.protocol === 'http:' && local && this.config.env !== 'production')) &&
      !url.search &&
      !url.hash &&
      !url.username;
    if (!ok) {
      problems.push({
        field: 'issuer',
        code: FieldProblemCode.IssuerInvalid,
        message: 'The issuer must be an https URL without query or fragment.',
      });
      return null;
    }
    return value;
  }

  private toModel(organisationId: string, row: OrganisationSsoEntity | null): OrganisationSsoModel {
    return {
      organisationId,
      redirectUri: this.redirectUri(),
      configured: !!row,
      issuer: row?.issuer ?? null,
      clientId: row?.clientId ?? null,
      clientSecretSet: !!row?.clientSecretEncrypted,
      allowedDomains: row?.allowedDomains ?? [],
      displayName: row?.displayName ?? null,
      enabled: row?.enabled ?? false,
      passwordSignInDisabled: row?.passwordSignInDisabled ?? false,
      updatedAt: row?.updatedAt ?? null,
    };
  }
}
