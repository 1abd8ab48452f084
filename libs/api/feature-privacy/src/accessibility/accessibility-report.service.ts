import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AccessibilityContactEntity, Role } from '@stl/api/data-access-db';
import { AccessPolicy, LoginThrottleService } from '@stl/api/feature-auth';
import type { Actor, ThrottleScope } from '@stl/api/feature-auth';
import { OutboxService } from '@stl/api/feature-notification';
import { BadInputError, DomainError, ErrorCode } from '@stl/api/util-errors';
import { MailKind } from '@stl/mail/util-templates';
import type {
  AccessibilityContactModel,
  AccessibilityReportOrganisationModel,
  AccessibilityReportReceiptModel,
  ReportAccessibilityProblemInput,
  SetAccessibilityContactInput,
} from './accessibility.models';

/**
 * Reports from the accessibility statement: 20 from one client address (a school's staff may share
 * one), then a growing wait (a minute, doubling to 15); 200 to one organisation within the hour.
 * Shared by every API process.
 */
export const ACCESSIBILITY_REPORT_SCOPE: ThrottleScope = {
  prefix: 'a11y-',
  accountLimit: 200,
  addressLimit: 20,
};

interface Recipient {
  id: string;
}

/**
 * Common table expressions for the recipients of organisation $1's reports ($2 is ADMINISTRATOR):
 * `contact`, its named contact while active (at most one), and `recipient`, that contact, else
 * every active administrator.
 */
const RECIPIENTS = `
  contact AS (
    SELECT p.id, p.full_name, p.email FROM accessibility_contact c JOIN person p ON p.id = c.person_id
     WHERE c.organisation_id = $1 AND p.active),
  recipient AS (
    SELECT id FROM contact
    UNION
    SELECT p.id FROM role_grant g JOIN person p ON p.id = g.person_id
     WHERE g.organisation_id = $1 AND g.role = $2 AND p.active AND NOT EXISTS (SELECT FROM contact))`;

/**
 * Reporting an accessibility problem (issue 12; DOS-lagen requires a public body to offer a way to
 * report a lack of accessibility and to answer it). The report becomes one mail per recipient in
 * the outbox, in one transaction: the organisation's named contact, else its administrators, with
 * the reporter's address as Reply-To. Nothing else is stored: the mail is the record.
 */
@Injectable()
export class AccessibilityReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly throttle: LoginThrottleService,
    private readonly access: AccessPolicy,
  ) {}

  /** Every organisation by name, for the signed-out form's choice. */
  async organisations(): Promise<AccessibilityReportOrganisationModel[]> {
    return this.dataSource.query(`SELECT slug, name FROM organisation ORDER BY name, slug`);
  }

  async report(
    input: ReportAccessibilityProblemInput,
    actor: Actor | null,
    address: string,
    now = new Date(),
  ): Promise<AccessibilityReportReceiptModel> {
    const organisation = await this.organisationOf(input, actor);
    await this.throttle.admit(organisation.id, address, now, ACCESSIBILITY_REPORT_SCOPE);
    const reportId = randomUUID();
    const description = input.description.replace(/\r\n?/g, '\n');
    await this.dataSource.transaction(async (m) => {
      const recipients = await this.recipients(m, organisation.id);
      if (recipients.length === 0) {
        throw new DomainError(
          ErrorCode.NotFound,
          'The organisation has nobody to receive accessibility reports yet. Contact it another way.',
        );
      }
      await this.outbox.enqueueMany(
        m,
        recipients.map((r) => ({
          idempotencyKey: `${MailKind.ACCESSIBILITY_REPORT}:${reportId}:${r.id}`,
          kind: MailKind.ACCESSIBILITY_REPORT,
          recipientId: r.id,
          data: {
            organisationName: organisation.name,
            description,
            where: input.where ?? null,
            reporterName: input.name ?? null,
            reporterEmail: input.email ?? null,
            signedIn: actor !== null,
            reportedAt: now.toISOString(),
          },
          refs: {},
          replyTo: input.email ? { name: input.name ?? input.email, address: input.email } : null,
        })),
        { now },
      );
    });
    return { organisationName: organisation.name, receivedAt: now, answerable: Boolean(input.email) };
  }

  async contact(actor: Actor, organisationId: string): Promise<AccessibilityContactModel> {
    this.access.assertAdminOf(actor, organisationId);
    return this.contactOf(this.dataSource.manager, organisationId);
  }

  async setContact(actor: Actor, input: SetAccessibilityContactInput): Promise<AccessibilityContactModel> {
    this.access.assertAdminOf(actor, input.organisationId);
    return this.dataSource.transaction(async (m) => {
      if (!input.email) {
        await m.delete(AccessibilityContactEntity, { organisationId: input.organisationId });
        return this.contactOf(m, input.organisationId);
      }
      const [person]: { id: string }[] = await m.query(
        `SELECT id FROM person WHERE organisation_id = $1 AND lower(email) = lower($2) AND active`,
        [input.organisationId, input.email],
      );
      if (!person) {
        const message = 'Nobody active in the organisation has this e-mail address.';
        throw new BadInputError(message, [{ field: 'email', code: 'NOT_FOUND', message }]);
      }
      await m.upsert(
        AccessibilityContactEntity,
        { organisationId: input.organisationId, personId: person.id },
        ['organisationId'],
      );
      return this.contactOf(m, input.organisationId);
    });
  }

  private async organisationOf(
    input: ReportAccessibilityProblemInput,
    actor: Actor | null,
  ): Promise<{ id: string; name: string }> {
    const [organisation]: { id: string; name: string }[] = actor
      ? await this.dataSource.query(`SELECT id, name FROM organisation WHERE id = $1`, [actor.organisationId])
      : input.organisationSlug
        ? await this.dataSource.query(`SELECT id, name FROM organisation WHERE slug = $1`, [
            input.organisationSlug.trim().toLowerCase(),
          ])
        : [];
    if (!organisation) {
      const message = input.organisationSlug
        ? 'There is no organisation with this name on the platform.'
        : 'Choose the organisation to report to.';
      throw new BadInputError(message, [
        { field: 'organisationSlug', code: input.organisationSlug ? 'NOT_FOUND' : 'REQUIRED', message },
      ]);
    }
    return organisation;
  }

  /** The named contact when active, else every active administrator, in one statement. */
  private async recipients(m: EntityManager, organisationId: string): Promise<Recipient[]> {
    return m.query(`WITH ${RECIPIENTS} SELECT id FROM recipient ORDER BY id`, [
      organisationId,
      Role.ADMINISTRATOR,
    ]);
  }

  /** The named contact (when active) and how many receive the reports, in one statement. */
  private async contactOf(m: EntityManager, organisationId: string): Promise<AccessibilityContactModel> {
    const [row]: { full_name: string | null; email: string | null; recipients: number }[] = await m.query(
      `WITH ${RECIPIENTS}
       SELECT (SELECT full_name FROM contact) AS full_name, (SELECT email FROM contact) AS email,
              (SELECT count(*)::int FROM recipient) AS recipients`,
      [organisationId, Role.ADMINISTRATOR],
    );
    return { name: row.full_name, email: row.email, recipients: row.recipients };
  }
}
