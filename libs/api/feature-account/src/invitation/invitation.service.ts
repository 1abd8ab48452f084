import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AccountTokenPurpose,
  InvitationStatus,
  PersonEntity,
  invitationStatusSql,
} from '@stl/api/data-access-db';
import {
  AccessPolicy,
  PasswordService,
  SessionService,
  SsoSettingsService,
  assertAcceptablePassword,
  nameBook,
} from '@stl/api/feature-auth';
import type { SsoOptionModel } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { OutboxService } from '@stl/api/feature-notification';
import type { NotificationDraft } from '@stl/api/feature-notification';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '@stl/api/util-errors';
import { MailKind } from '@stl/mail/util-templates';
import { AccountTokenService } from '../account-token.service';
import type { LinkHolder } from '../account-token.service';
import { assertPasswordSignInAllowed } from '../password-allowed';

/** A person's invitation as an administrator sees it. */
export interface InvitationState {
  status: InvitationStatus;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** What the accept page may show before a password is chosen: nothing but a first name and the organisation. */
export interface InvitationPreview {
  firstName: string;
  organisationName: string;
  sso: SsoOptionModel | null;
}

/** What an invitation link names instead of an organisation for a platform operator (ADR 0015). */
const PLATFORM_NAME = 'STL – Skriva sig till lärande';

interface InviteeRow {
  id: string;
  full_name: string;
  organisation_name: string;
  active: boolean;
  accepted: boolean | null;
}

/**
 * Invitations (ADR 0013): a single-use link, mailed through the outbox, with which a person chooses
 * a password. `invite` is the one way to send them, used by the mutations here and by onboarding
 * (creating an organisation, importing staff) inside their own transactions.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccountTokenService,
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly passwords: PasswordService,
    private readonly sso: SsoSettingsService,
  ) {}

  /**
   * Invites `personIds` inside the caller's transaction: a new invitation link for each (replacing
   * any unused older one), and the invitation mail in the outbox in the same transaction (in the
   * person's language, saying who invited them, to which organisation, and until when the link
   * works). If the transaction rolls back, nothing was sent. Deactivated people and people who
   * accepted an invitation before are skipped (an import may name everyone); an id that names
   * nobody is a bug of the caller and throws.
   */
  async invite(
    manager: EntityManager,
    personIds: readonly string[],
    invitedById: string | null,
  ): Promise<void> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return;
    const rows: InviteeRow[] = await manager.query(
      `SELECT p.id, p.full_name, o.name AS organisation_name, p.active,
              ${invitationStatusSql('p')} = 'ACCEPTED' AS accepted
         FROM person p JOIN organisation o ON o.id = p.organisation_id
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length !== ids.length) throw new Error('invite: some person ids name nobody.');
    const invitees = rows.filter((r) => r.active && !r.accepted);
    // The inviting administrator, named as each invitee may see them (ADR 0031).
    const names = invitedById
      ? await nameBook(
          manager,
          invitees.map((r) => r.id),
          [invitedById],
        )
      : null;
    const links = await this.tokens.issue(
      manager,
      AccountTokenPurpose.INVITATION,
      invitees.map((r) => r.id),
      invitedById,
    );
    const byId = new Map(invitees.map((r) => [r.id, r]));
    const drafts: NotificationDraft[] = links.map((l) => ({
      idempotencyKey: `INVITATION:${l.tokenId}`,
      kind: MailKind.INVITATION,
      recipientId: l.personId,
      data: {
        tokenId: l.tokenId,
        expiresAt: l.expiresAt.toISOString(),
        organisationName: byId.get(l.personId)?.organisation_name ?? '',
        inviterName: names && invitedById ? names(l.personId, invitedById) || null : null,
      },
      refs: { accountTokenId: l.tokenId },
    }));
    await this.outbox.enqueueMany(manager, drafts);
  }

  /**
   * An administrator of the person's organisation invites them, or sends a new link (`resend`:
   * only for someone invited before). The older link stops working. Refused: someone of another
   * organisation (NOT_FOUND), not an administrator (FORBIDDEN), a deactivated person
   * (BAD_USER_INPUT), someone who already accepted (CONFLICT).
   */
  async inviteByAdmin(actor: Actor, personId: string, resend: boolean): Promise<PersonEntity> {
    return this.dataSource.transaction(async (m) => {
      const person = await m.findOne(PersonEntity, {
        where: { id: personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person || person.organisationId !== actor.organisationId)
        throw new NotFoundError('person', personId);
      this.access.assertAdminOf(actor, person.organisationId);
      if (!person.active) {
        const message = 'This account is deactivated; activate it before inviting the person.';
        throw new BadInputError(message, [{ field: 'personId', code: 'PERSON_INACTIVE', message }]);
      }
      const [state] = await this.states(m, [person.id]);
      if (state?.status === InvitationStatus.ACCEPTED) {
        throw new DomainError(ErrorCode.Conflict, 'This person has already accepted an invitation.');
      }
      if (resend && !state) {
        const message = 'This person has not been invited yet; invite them first.';
        throw new BadInputError(message, [{ field: 'personId', code: 'NOT_INVITED', message }]);
      }
      await this.invite(m, [person.id], actor.personId);
      return person;
    });
  }

  /** The latest invitation of each person (none: never invited), in one query. */
  async states(
    manager: EntityManager | null,
    personIds: readonly string[],
  ): Promise<(InvitationState | undefined)[]> {
    const rows: {
      person_id: string;
      status: InvitationStatus;
      created_at: Date;
      expires_at: Date;
      used_at: Date | null;
    }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT DISTINCT ON (t.person_id) t.person_id, t.created_at, t.expires_at,
              coalesce(t.used_at,
                (SELECT min(i.created_at) FROM person_identity i WHERE i.person_id = p.id)) AS used_at,
              ${invitationStatusSql('p')} AS status
         FROM account_token t JOIN person p ON p.id = t.person_id
        WHERE t.purpose = 'INVITATION' AND t.person_id = ANY($1::uuid[])
        ORDER BY t.person_id, t.used_at IS NULL, t.created_at DESC`,
      [[...personIds]],
    );
    const byPerson = new Map(
      rows.map((r) => [
        r.person_id,
        { status: r.status, sentAt: r.created_at, expiresAt: r.expires_at, acceptedAt: r.used_at },
      ]),
    );
    return personIds.map((id) => byPerson.get(id));
  }

  /** The accept page's greeting for a working invitation link; LINK_INVALID, LINK_EXPIRED or LINK_USED otherwise. */
  async preview(token: string): Promise<InvitationPreview> {
    const holder = await this.tokens.check(AccountTokenPurpose.INVITATION, token);
    const [row]: {
      full_name: string;
      email: string;
      organisation_id: string | null;
      organisation_name: string;
    }[] = await this.dataSource.query(
      // A platform operator (ADR 0015) has no organisation: their link (from `npm run stl`) names the platform.
      `SELECT p.full_name, p.email, p.organisation_id, COALESCE(o.name, '${PLATFORM_NAME}') AS organisation_name
           FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $1`,
      [holder.personId],
    );
    return {
      firstName: row.full_name.trim().split(/\s+/)[0] ?? '',
      organisationName: row.organisation_name,
      sso: row.organisation_id ? await this.sso.forOrganisation(row.organisation_id, row.email) : null,
    };
  }

  /**
   * Accepts an invitation: the link is checked, the password rule applied (with the person's name
   * and e-mail), the password hashed, and then in one transaction the link used (atomically: a
   * second use is LINK_USED), the password stored and any other sessions of the person ended. The
   * caller then starts the new session. Nothing is written when anything is refused.
   */
  async accept(token: string, newPassword: string): Promise<LinkHolder> {
    const holder = await this.tokens.check(AccountTokenPurpose.INVITATION, token);
    const person = await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: holder.personId });
    await assertPasswordSignInAllowed(this.sso, person);
    assertAcceptablePassword('newPassword', newPassword, { email: person.email, fullName: person.fullName });
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (m) => {
      const used = await this.tokens.use(m, AccountTokenPurpose.INVITATION, token);
      await m.update(PersonEntity, { id: used.personId }, { passwordHash });
      await SessionService.endAllFor(m, used.personId);
      return used;
    });
  }
}
