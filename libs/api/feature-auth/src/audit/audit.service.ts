import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity, AuditEventKind, AuditOutcome, AuditTargetType } from '@stl/api/data-access-db';
import type { AuditDetails } from '@stl/api/data-access-db';
import type { Actor, OperatorActor } from '../actor';
import { checkedAuditDetails } from './audit-details';

/** One event to log. Ids and codes only (ADR 0029). */
export interface AuditEntry {
  kind: AuditEventKind;
  /** SUCCESS unless said otherwise. */
  outcome?: AuditOutcome;
  /** Who did it; null when nobody was signed in. */
  actorId: string | null;
  /** Where it happened; null for events of no organisation (a platform operator's own sign-in). */
  organisationId: string | null;
  target?: { type: AuditTargetType; id: string } | null;
  details?: AuditDetails;
}

/** An erasure, as the privacy code (export, erasure, retention) reports it. */
export interface AuditedErasure {
  /** The administrator or person who asked; null for the scheduled retention job. */
  actorId: string | null;
  organisationId: string;
  /** The person whose data was erased, when the erasure is of one person. */
  personId?: string | null;
  /** Codes only, e.g. `{ reason: 'REQUEST', records: ['DRAFT', 'SESSION'], count: 12 }`. */
  details?: AuditDetails;
}

/**
 * Writes the audit log (issue 12, ADR 0029). A change and its audit row are written in one
 * transaction: pass the transaction's manager. A refusal or a failed sign-in has no transaction
 * and is written on its own. The log is append-only in the database, so this is the only writer.
 */
@Injectable()
export class AuditService {
  private readonly log = new Logger('Audit');

  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = {
      kind: entry.kind,
      outcome: entry.outcome ?? AuditOutcome.SUCCESS,
      actorId: entry.actorId,
      organisationId: entry.organisationId,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: checkedAuditDetails(entry.details),
    };
    await (manager ? manager.getRepository(AuditEventEntity) : this.events).insert(row);
  }

  /**
   * For events that are logged on their own, after the fact (refusals, failed sign-ins, reads): a
   * failure to write is logged and does not turn the answer the person gets into an error.
   */
  async recordQuietly(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (e) {
      this.log.error(`Audit event ${entry.kind} not written: ${(e as Error).message}`);
    }
  }

  /** The actor's own organisation and id, for an entry. */
  static by(actor: Actor | OperatorActor): Pick<AuditEntry, 'actorId' | 'organisationId'> {
    return {
      actorId: actor.personId,
      organisationId: 'organisationId' in actor ? actor.organisationId : null,
    };
  }

  /**
   * Logs an erasure in the erasing transaction (the privacy helper's erasure and retention job
   * call this). Only ids and codes: what was erased is not kept.
   */
  recordErasure(manager: EntityManager, erasure: AuditedErasure): Promise<void> {
    return this.record(
      {
        kind: AuditEventKind.ERASURE,
        actorId: erasure.actorId,
        organisationId: erasure.organisationId,
        target: erasure.personId
          ? { type: AuditTargetType.PERSON, id: erasure.personId }
          : { type: AuditTargetType.ORGANISATION, id: erasure.organisationId },
        details: erasure.details,
      },
      manager,
    );
  }
}
