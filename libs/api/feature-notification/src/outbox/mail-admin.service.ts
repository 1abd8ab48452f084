import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity, OutboxStatus } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { DomainError, NotFoundError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import type { FailedMailArgs } from './dto/failed-mail.args';
import { OutboxService } from './outbox.service';

/** The dead-letter view: an organisation's administrators see its failed mail and may retry it. */
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
        where: { organisationId: args.organisationId, status: OutboxStatus.FAILED },
        order: { updatedAt: 'DESC', id: 'ASC' },
        skip,
        take,
      }),
    );
  }

  /** Puts a failed message back on the queue; the next attempt starts with a fresh retry budget. */
  async retry(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    const repo = this.dataSource.getRepository(OutboxMessageEntity);
    const found = await repo.findOne({ where: { id } });
    if (!found || found.organisationId !== actor.organisationId) throw new NotFoundError('mail message', id);
    this.access.assertAdminOf(actor, found.organisationId);
    return this.dataSource.transaction(async (m) => {
      const moved = await this.outbox.requeue(m, { ids: [id] }, OutboxStatus.FAILED);
      if (moved.length === 0) {
        throw new DomainError('INVALID_STATE_TRANSITION', 'Only failed mail can be retried.');
      }
      return m.getRepository(OutboxMessageEntity).findOneOrFail({ where: { id } });
    });
  }
}
