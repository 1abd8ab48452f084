import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CohortEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { changeRefusal } from '../cohort/cohort-rules';
import type { CohortChange } from '../cohort/cohort-rules';

/** The thing the caller asked for by id, when it is not the cohort itself (a meeting, a round). */
export interface Target {
  kind: string;
  id: string;
}

/**
 * Every cohort feature goes through here: who may read or run the cohort (AccessPolicy), and
 * changes made in one transaction holding the cohort's row lock, so counts checked by a rule (8
 * meetings, 6 rounds, one certified leader) cannot change under it.
 */
@Injectable()
export class CohortGate {
  constructor(
    private readonly policy: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The actor's relation to the cohort. With a target, NOT_FOUND names the target, so an outsider
   * guessing a meeting id learns nothing about which cohort it belongs to.
   */
  async read(actor: Actor, cohortId: string, target?: Target): Promise<CohortAccess> {
    try {
      return await this.policy.cohortAccess(actor, cohortId);
    } catch (error) {
      if (target && error instanceof DomainError && error.code === 'NOT_FOUND')
        throw new NotFoundError(target.kind, target.id);
      throw error;
    }
  }

  /** Admins of the organisation and the cohort's current leaders. */
  async manage(actor: Actor, cohortId: string, target?: Target): Promise<CohortAccess> {
    const access = await this.read(actor, cohortId, target);
    if (!access.canManage)
      throw new ForbiddenError("Only the cohort's course leaders or an administrator may do this.");
    return access;
  }

  /** Administrators of the cohort's organisation only (leaders, certification). */
  async administer(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const access = await this.read(actor, cohortId);
    if (!access.admin)
      throw new ForbiddenError('Only an administrator of the organisation may change who leads a cohort.');
    return access;
  }

  /**
   * Runs `work` in a transaction that first locks the cohort row and checks that its current status
   * allows this kind of change (CONFLICT otherwise). Any error rolls everything back.
   */
  change<T>(
    cohortId: string,
    kind: CohortChange | null,
    work: (m: EntityManager, cohort: CohortEntity) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const cohort = await m
        .getRepository(CohortEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :cohortId', { cohortId })
        .getOne();
      if (!cohort) throw new NotFoundError('cohort', cohortId);
      const refusal = kind ? changeRefusal(cohort.status, kind) : null;
      if (refusal) throw new DomainError('CONFLICT', refusal);
      return work(m, cohort);
    });
  }
}
