import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { CohortEntity, CohortMembershipEntity, CohortRole, Role } from '@stl/api/data-access-db';
import { ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { hasRole, schoolsLedBy } from './actor';
import type { Actor } from './actor';

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
 * per actor object, which lives for one request.
 */
@Injectable()
export class AccessPolicy {
  private readonly cache = new WeakMap<Actor, Map<string, Promise<CohortAccess>>>();

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
    let perActor = this.cache.get(actor);
    if (!perActor) {
      perActor = new Map();
      this.cache.set(actor, perActor);
    }
    let found = perActor.get(cohortId);
    if (!found) {
      found = this.loadCohortAccess(actor, cohortId);
      perActor.set(cohortId, found);
      found.catch(() => perActor?.delete(cohortId));
    }
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

  private async loadCohortAccess(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const cohort = await this.cohorts.findOne({ where: { id: cohortId } });
    if (!cohort || cohort.organisationId !== actor.organisationId)
      throw new NotFoundError('cohort', cohortId);
    const mine = await this.memberships.find({
      where: { cohortId, personId: actor.personId, leftAt: IsNull() },
    });
    const admin = this.isAdminOf(actor, cohort.organisationId);
    const leader = mine.some((m) => m.role === CohortRole.LEADER);
    const participant = mine.some((m) => m.role === CohortRole.PARTICIPANT);
    const led = schoolsLedBy(actor);
    let schoolLeaderOf: string[] = [];
    if (led.length) {
      const rows = await this.memberships
        .createQueryBuilder('m')
        .select('DISTINCT m.school_id', 'schoolId')
        .where({ cohortId, role: CohortRole.PARTICIPANT, schoolId: In(led) })
        .getRawMany<{ schoolId: string }>();
      schoolLeaderOf = rows.map((r) => r.schoolId);
    }
    if (!admin && !leader && !participant && schoolLeaderOf.length === 0)
      throw new NotFoundError('cohort', cohortId);
    return {
      cohort,
      admin,
      leader,
      participant,
      schoolLeaderOf,
      canManage: admin || leader,
      canSeeContent: admin || leader || participant,
    };
  }
}
