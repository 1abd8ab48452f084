import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, IsNull, Repository } from 'typeorm';
import { CohortEntity, CohortMembershipEntity, CohortRole, Role } from '@stl/api/data-access-db';
import { ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { hasRole, schoolsLedBy } from './actor';
import type { Actor } from './actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the actor relates to one cohort. Anyone with no relation gets NOT_FOUND, never a hint. */
export interface CohortAccess {
  cohort: CohortEntity;
  admin: boolean;
  leader: boolean;
  participant: boolean;
  /** Schools the actor leads that have participants in this cohort. */
  schoolLeaderOf: string[];
  /** Admins and the cohort's leaders run it. */
  canManage: boolean;
  /** Participants and those who run it see the cohort's shared space. */
  canSeeContent: boolean;
}

/**
 * The authorisation rules, in one place, checked in the API for every object. Results are cached
 * per actor object, which lives for one request; the cohorts asked about in the same turn of the
 * event loop (a page of cohorts, each resolving its viewer role) are read together, in the same
 * few statements as one (issue 13: the cohort list read two rows per cohort before).
 */
@Injectable()
export class AccessPolicy {
  private readonly loaders = new WeakMap<Actor, DataLoader<string, CohortAccess>>();

  constructor(
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    @InjectRepository(CohortMembershipEntity)
    private readonly memberships: Repository<CohortMembershipEntity>,
  ) {}

  isAdminOf(actor: Actor, organisationId: string | null): boolean {
    return organisationId !== null && hasRole(actor, Role.ADMINISTRATOR, organisationId);
  }

  /** An organisation is visible to its own people only. */
  assertMemberOf(actor: Actor, organisationId: string | null): void {
    if (organisationId === null || actor.organisationId !== organisationId)
      throw new NotFoundError('organisation', organisationId ?? '');
  }

  assertAdminOf(actor: Actor, organisationId: string | null): void {
    this.assertMemberOf(actor, organisationId);
    if (!this.isAdminOf(actor, organisationId)) {
      throw new ForbiddenError('Only an administrator of the organisation may do this.');
    }
  }

  cohortAccess(actor: Actor, cohortId: string): Promise<CohortAccess> {
    let loader = this.loaders.get(actor);
    if (!loader) {
      loader = new DataLoader<string, CohortAccess>((ids) => this.loadCohortAccess(actor, ids), {
        // After every resolver of the turn has asked (Nest's pipes and guards await in between).
        batchScheduleFn: (run) => setImmediate(run),
      });
      this.loaders.set(actor, loader);
    }
    const found = loader.load(cohortId);
    // A refusal is not kept: the same request may ask again after a change (as before batching).
    found.catch(() => loader?.clear(cohortId));
    return found;
  }

  async assertCanReadCohort(actor: Actor, cohortId: string): Promise<CohortAccess> {
    return this.cohortAccess(actor, cohortId);
  }

  async assertCanManageCohort(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const access = await this.cohortAccess(actor, cohortId);
    if (!access.canManage) {
      throw new ForbiddenError("Only the cohort's course leaders or an administrator may do this.");
    }
    return access;
  }

  private async loadCohortAccess(
    actor: Actor,
    cohortIds: readonly string[],
  ): Promise<(CohortAccess | NotFoundError)[]> {
    // An id that is not a UUID names no cohort (and must not fail the others' statement).
    const ids = [...new Set(cohortIds)].filter((id) => UUID.test(id));
    const rows = ids.length
      ? await this.cohorts.find({ where: { id: In(ids), organisationId: actor.organisationId } })
      : [];
    const cohorts = new Map(rows.map((c) => [c.id, c]));
    const found = [...cohorts.keys()];
    const mine = found.length
      ? await this.memberships.find({
          where: { cohortId: In(found), personId: actor.personId, leftAt: IsNull() },
        })
      : [];
    const led = schoolsLedBy(actor);
    const schoolsIn = new Map<string, string[]>();
    if (led.length && found.length) {
      const rows = await this.memberships
        .createQueryBuilder('m')
        .select('m.cohort_id', 'cohortId')
        .addSelect('m.school_id', 'schoolId')
        .distinct(true)
        .where({ cohortId: In(found), role: CohortRole.PARTICIPANT, schoolId: In(led) })
        .getRawMany<{ cohortId: string; schoolId: string }>();
      for (const r of rows) schoolsIn.set(r.cohortId, [...(schoolsIn.get(r.cohortId) ?? []), r.schoolId]);
    }
    return cohortIds.map((cohortId) => {
      const cohort = cohorts.get(cohortId);
      if (!cohort) return new NotFoundError('cohort', cohortId);
      const own = mine.filter((m) => m.cohortId === cohortId);
      const admin = this.isAdminOf(actor, cohort.organisationId);
      const leader = own.some((m) => m.role === CohortRole.LEADER);
      const participant = own.some((m) => m.role === CohortRole.PARTICIPANT);
      const schoolLeaderOf = schoolsIn.get(cohortId) ?? [];
      if (!admin && !leader && !participant && schoolLeaderOf.length === 0)
        return new NotFoundError('cohort', cohortId);
      return {
        cohort,
        admin,
        leader,
        participant,
        schoolLeaderOf,
        canManage: admin || leader,
        canSeeContent: admin || leader || participant,
      };
    });
  }
}
