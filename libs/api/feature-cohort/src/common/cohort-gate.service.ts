import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { DomainError, NotFoundError } from '@stl/api/util-errors';

/** The thing the caller asked for by id, when it is not the cohort itself (a meeting, a round). */
export interface Target {
  kind: string;
  id: string;
}

/**
 * Who may read a cohort (AccessPolicy), for the cohort feature's queries. Changes go through
 * CohortCommands (libs/api/feature-cohort-commands, ADR 0012), which checks access again inside
 * its transaction.
 */
@Injectable()
export class CohortGate {
  constructor(private readonly policy: AccessPolicy) {}

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
}
