import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OutboxMessageEntity, OutboxStatus } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { DomainError, NotFoundError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import type { FailedMailArgs } from './dto/failed-mail.args';
import { OutboxService } from './outbox.service';

/**
 * The dead-letter view: an organisation's administrators see its failed mail and may retry it, and
 * its unconfirmed mail (the server may have it), which they may resend knowingly or mark delivered.
 */
@Injectable()
export class MailAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
  ) {}

  failed(actor: Actor, args: FailedMailArgs): Promise<Page<OutboxMessageEntity>> {
    this.access.assertAdminOf(actor, args.organisationId);
    return paginate(args, (skip, take) =>
      this.dataSource.getRepository(OutboxMessageEntity).findAndCount({
        where: {
          organisationId: args.organisationId,
          status: In([OutboxStatus.FAILED, OutboxStatus.UNCONFIRMED]),
        },
        order: { updatedAt: 'DESC', id: 'ASC' },
        skip,
        take,
      }),
    );
  }

  /** Puts a failed message back on the queue; the next attempt starts with a fresh retry budget. */
  retry(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    return this.requeue(actor, id, OutboxStatus.FAILED, 'Only failed mail can be retried.');
  }

  /**
   * Sends an unconfirmed message again, at the administrator's explicit word: the server may have
   * delivered the first copy, so the recipient may get two (the same Message-ID, which some mail
   * systems use to drop the second).
   */
  resendUnconfirmed(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    return this.requeue(actor, id, OutboxStatus.UNCONFIRMED, 'Only unconfirmed mail can be resent this way.');
  }

  /** Records an unconfirmed message as delivered (the recipient has it): it leaves the list. */
  async markDelivered(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    await this.ownMessage(actor, id);
    return this.dataSource.transaction(async (m) => {
      const [, changed]: [unknown, number] = await m.query(
        `UPDATE outbox_message
            SET status = $2, sent_at = updated_at, updated_at = now(),
                last_error = 'Marked as delivered by an administrator. ' || COALESCE(last_error, '')
          WHERE id = $1 AND status = $3`,
        [id, OutboxStatus.SENT, OutboxStatus.UNCONFIRMED],
      );
      if (changed === 0) {
        throw new DomainError('INVALID_STATE_TRANSITION', 'Only unconfirmed mail can be marked delivered.');
      }
      return m.getRepository(OutboxMessageEntity).findOneOrFail({ where: { id } });
    });
  }

  /** The message, if the actor administers its organisation (else NOT_FOUND / FORBIDDEN). */
  private async ownMessage(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    const found = await this.dataSource.getRepository(OutboxMessageEntity).findOne({ where: { id } });
    if (!found || found.organisationId !== actor.organisationId) throw new NotFoundError('mail message', id);
    this.access.assertAdminOf(actor, found.organisationId);
    return found;
  }

  private async requeue(
    actor: Actor,
    id: string,
    from: OutboxStatus.FAILED | OutboxStatus.UNCONFIRMED,
    refusal: string,
  ): Promise<OutboxMessageEntity> {
    await this.ownMessage(actor, id);
    return this.dataSource.transaction(async (m) => {
      const moved = await this.outbox.requeue(m, { ids: [id] }, from);
      if (moved.length === 0) throw new DomainError('INVALID_STATE_TRANSITION', refusal);
      return m.getRepository(OutboxMessageEntity).findOneOrFail({ where: { id } });
    });
  }
}
