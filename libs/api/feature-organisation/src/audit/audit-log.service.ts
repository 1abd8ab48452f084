import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SelectQueryBuilder } from 'typeorm';
import { AuditEventEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page, PageArgs } from '@stl/api/util-graphql';
import type { AuditEventsFilterInput } from './audit-events.args';

/** At most this many lines in one download; a longer period is downloaded in parts. */
export const MAX_AUDIT_EXPORT_ROWS = 50_000;

/**
 * Reads an organisation's audit log for its administrators (issue 12, ADR 0029): the screen's
 * pages and the download run the same search. Newest first. Platform operators are not members of
 * any organisation and cannot read it.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly access: AccessPolicy,
  ) {}

  page(
    actor: Actor,
    organisationId: string,
    filter: AuditEventsFilterInput | null | undefined,
    args: PageArgs,
  ): Promise<Page<AuditEventEntity>> {
    const qb = this.search(actor, organisationId, filter);
    return paginate(args, (skip, take) => qb.skip(skip).take(take).getManyAndCount());
  }

  /** Everything the search finds, for a download; BAD_USER_INPUT when it is over the limit. */
  async all(
    actor: Actor,
    organisationId: string,
    filter: AuditEventsFilterInput | null | undefined,
  ): Promise<AuditEventEntity[]> {
    const rows = await this.search(actor, organisationId, filter)
      .take(MAX_AUDIT_EXPORT_ROWS + 1)
      .getMany();
    if (rows.length > MAX_AUDIT_EXPORT_ROWS)
      throw new BadInputError(
        `The search finds more than ${MAX_AUDIT_EXPORT_ROWS} events; download a shorter period at a time.`,
      );
    return rows;
  }

  private search(
    actor: Actor,
    organisationId: string,
    filter: AuditEventsFilterInput | null | undefined,
  ): SelectQueryBuilder<AuditEventEntity> {
    this.access.assertAdminOf(actor, organisationId);
    const qb = this.events
      .createQueryBuilder('e')
      .where('e.organisation_id = :organisationId', { organisationId })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (filter?.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    if (filter?.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter?.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter?.outcome) qb.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    return qb;
  }
}
