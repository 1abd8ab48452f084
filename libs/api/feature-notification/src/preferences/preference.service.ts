import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { NotificationPreferenceEntity, OutboxStatus } from '@stl/api/data-access-db';
import { BadInputError } from '@stl/api/util-errors';
import { DIGESTIBLE_KINDS, MAIL_KINDS, MailKind, isMandatoryKind } from '@stl/mail/util-templates';
import { OutboxService } from '../outbox/outbox.service';
import type { NotificationPreferencesModel } from './preference.models';

/**
 * Kinds a person chooses one by one; the digest itself is switched by digest mode, and account
 * mails (invitation, password reset, sign-in link) and accessibility reports cannot be turned off.
 */
export const CHOOSABLE_KINDS: readonly MailKind[] = MAIL_KINDS.filter(
  (k) => k !== MailKind.DIGEST && !isMandatoryKind(k),
);
const DIGESTIBLE: ReadonlySet<MailKind> = new Set(DIGESTIBLE_KINDS);

/** Who gets which mail: per-kind opt-out and the daily digest. */
@Injectable()
export class PreferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async read(
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationPreferencesModel> {
    const row = await manager.findOne(NotificationPreferenceEntity, {
      select: { personId: true, disabledKinds: true, digestDaily: true },
      where: { personId },
    });
    const disabled = new Set(row?.disabledKinds ?? []);
    return {
      digestDaily: row?.digestDaily ?? false,
      kinds: CHOOSABLE_KINDS.map((kind) => ({
        kind,
        enabled: !disabled.has(kind),
        digestible: DIGESTIBLE.has(kind),
      })),
    };
  }

  /** Turns one kind on or off. Turning the digest off is `setDigestMode(false)`. */
  async setKind(personId: string, kind: MailKind, enabled: boolean): Promise<NotificationPreferencesModel> {
    if (kind === MailKind.DIGEST) {
      const message = 'The daily digest is switched with setDigestMode.';
      throw new BadInputError(message, [{ field: 'kind', code: 'USE_DIGEST_MODE', message }]);
    }
    if (isMandatoryKind(kind)) {
      const message =
        'Invitations, password resets, sign-in links and accessibility reports cannot be turned off.';
      throw new BadInputError(message, [{ field: 'kind', code: 'NOT_CHOOSABLE', message }]);
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_preference (person_id, disabled_kinds)
              VALUES ($1, CASE WHEN $3 THEN '{}'::varchar[] ELSE ARRAY[$2]::varchar[] END)
         ON CONFLICT (person_id) DO UPDATE SET
           disabled_kinds = CASE
             WHEN $3 THEN array_remove(notification_preference.disabled_kinds, $2::varchar)
             WHEN $2::varchar = ANY(notification_preference.disabled_kinds) THEN notification_preference.disabled_kinds
             ELSE array_append(notification_preference.disabled_kinds, $2::varchar)
           END,
           updated_at = now()`,
        [personId, kind, enabled],
      );
      return this.read(personId, m);
    });
  }

  /** Digest on: digestible mail waits for the next morning. Off: what waits is released now. */
  async setDigestMode(
    personId: string,
    daily: boolean,
    now = new Date(),
  ): Promise<NotificationPreferencesModel> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_preference (person_id, digest_daily) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET digest_daily = $2, updated_at = now()`,
        [personId, daily],
      );
      if (!daily) await this.outbox.requeue(m, { recipientId: personId }, OutboxStatus.HELD, now);
      return this.read(personId, m);
    });
  }

  /** What the one-click link does: the kind off, or for the digest, digest mode off. */
  async unsubscribe(personId: string, kind: MailKind): Promise<void> {
    if (kind === MailKind.DIGEST) await this.setDigestMode(personId, false);
    else await this.setKind(personId, kind, false);
  }
}
